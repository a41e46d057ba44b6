// The server's rule for where a meeting takes place (a place in person, a link for video), shared with the form.
// Pure: meeting-rules.ts has no I/O and imports only src/domain and a type.
export { HOME_VISIT_LOCATION, checkPlace } from '../../../src/modules/meetings/meeting-rules.ts';
