// The server's date rules, shared (not copied): the same pure module the API's services call. A form checks every
// field with them before sending, so all messages show at once, next to their fields; the API holds the same rules.
export * from '../../../src/domain/date-rules.ts';
