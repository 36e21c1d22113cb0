// What the backfill scripts share: options declared as a `papers` command's are (one zod schema
// of opt.* fields), --help rendered from it, and the same exit codes and one-line errors
// (0 done, 1 some input failed, 2 usage), so a workflow log reads the same whichever ran.
// They are TypeScript run as it is, so they need Node.js 24: the workflow's, or the pinned one
// (`npx node scripts/ci/<name>.ts …` where the machine's is older).
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { EXIT_FAILED, EXIT_USAGE, type Io } from '../../scraper/cli/command.ts';
import { helpText } from '../../scraper/cli/help.ts';
import type { OptionsSchema } from '../../scraper/cli/options.ts';
import { parseOptions } from '../../scraper/cli/parse.ts';
import { InputError, UsageError } from '../../scraper/errors.ts';

export type Script<S extends OptionsSchema> = {
  /** `backfill-plan`: the file's name under scripts/ci/. */
  name: string;
  summary: string;
  usage: string;
  details?: string;
  options: S;
  positionals?: boolean;
  /**
   * For a script that passes words on to a `papers` command: splits argv into its own options
   * and the words passed on, which `run` gets as positionals.
   */
  split?: (argv: readonly string[]) => { own: string[]; rest: string[] };
  run(args: { values: z.output<S>; positionals: string[] }, io: Io): Promise<number>;
};

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** Parses `argv` against the script's schema and runs it; errors become exit codes. */
export async function runScript<S extends OptionsSchema>(script: Script<S>, argv: string[], io: Io): Promise<number> {
  const who = `scripts/ci/${script.name}.ts`;
  try {
    const { own, rest } = script.split ? script.split(argv) : { own: argv, rest: [] };
    const parsed = parseOptions(script.options, own, {
      env: io.env,
      cwd: io.cwd,
      positionals: script.positionals ?? false,
    });
    if (parsed.help) {
      io.stdout.write(helpText({ ...script, usage: `node ${who} ${script.usage}` }));
      return 0;
    }
    return await script.run(script.split ? { ...parsed, positionals: rest } : parsed, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${script.name}: ${e.message}\nRun 'node ${who} --help' for usage.\n`);
      return EXIT_USAGE;
    }
    if (e instanceof InputError) {
      io.stderr.write(`${script.name}: ${e.message}\n`);
      return EXIT_FAILED;
    }
    throw e;
  }
}

/** Runs the script when its file is the one node was started with. */
export function mainOf<S extends OptionsSchema>(meta: ImportMeta, script: Script<S>): void {
  if (meta.url !== pathToFileURL(process.argv[1] ?? '').href) return;
  runScript(script, process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${script.name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT_FAILED;
    },
  );
}
