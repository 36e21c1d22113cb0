/**
 * A failure of some input (an archive file, a browser that is not there) that a command reports
 * as one line and exit status 1, rather than as a crash with a stack trace.
 */
export class InputError extends Error {}
