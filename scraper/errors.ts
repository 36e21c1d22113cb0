// The two failures every command reports the same way, whoever raises them (the `papers`
// commands, the replay server, the site's build options). Failures of a fetch are FetchErrors
// (scraper/fetch/retry.ts), which also say whether another try could help.

/** A command line that cannot be run as given: one line naming the option, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A failure of some input (an archive file, a browser that is not there, an environment
 * variable) that a command reports as one line naming the input, and exit status 1, rather than
 * as a crash with a stack trace. Trying again will not help until the input changes.
 */
export class InputError extends Error {
  override name = 'InputError';
  readonly retryable = false;
}
