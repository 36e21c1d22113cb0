// What every `papers` command shares: its shape (name, help, one options schema, run), the
// options that several commands take, where it writes, and the exit codes (0 done, 1 some input
// failed, 2 usage).
import type { z } from 'zod';
import { UsageError } from '../errors.ts';
import { type OptionsSchema, opt } from './options.ts';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export type Io = {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Ends a command that runs until stopped (`papers serve`): the caller's Ctrl-C, in process. */
  signal?: AbortSignal;
};

export type Command<S extends OptionsSchema = OptionsSchema> = {
  name: string;
  summary: string;
  usage: string;
  /** Paragraphs printed after the options in --help. */
  details?: string;
  /** The one declaration of the options: parsing, checks, defaults, --help and the README table. */
  options: S;
  positionals?: boolean;
  // A method, so that a Command<S> is a Command: main.ts only hands it what its schema parsed.
  run(args: { values: z.output<S>; positionals: string[] }, io: Io): Promise<number>;
};

export { UsageError };

/** The archive folder, as every command that reads or writes it takes it. */
export const contentOption = opt.path({
  arg: 'DIR',
  env: 'PAPERS_CONTENT',
  default: './content',
  help: 'archive folder',
});

export const jsonOption = opt.flag({ help: 'print JSON lines instead of text' });

/** How long a command that writes the archive waits for another run writing it (lock.ts). */
export const waitOption = opt.seconds({
  min: 0,
  max: 6 * 60 * 60,
  default: 0,
  help: 'wait this long for another run writing the same archive to finish (0: stop at once)',
});
