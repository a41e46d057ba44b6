/** Queues of the programmes module (issue 12): the figures' refresh after commit, and the monthly snapshot. */
export const PROGRAMME_REFRESH_QUEUE = 'programme-refresh';
export const PROGRAMME_SNAPSHOT_QUEUE = 'programme-snapshot';
