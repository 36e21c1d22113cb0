// `papers`: the archive's command line. Every command reads and writes the archive folder given
// by --content (or $PAPERS_CONTENT, else ./content) and exits 0 when done, 1 when some input
// failed, 2 on usage errors, which all read the same: `papers <command>: <what>`, then where help is.
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { InputError } from '../errors.ts';
import { packageVersion } from '../repo.ts';
import { type Command, EXIT_FAILED, EXIT_OK, EXIT_USAGE, type Io, UsageError } from './command.ts';
import { importCommand } from './commands/import.ts';
import { mergeCommand } from './commands/merge.ts';
import { nightlyCommand } from './commands/nightly.ts';
import { packCommand } from './commands/pack.ts';
import { scrapeCommand } from './commands/scrape.ts';
import { searchCommand } from './commands/search.ts';
import { serveCommand } from './commands/serve.ts';
import { statusCommand } from './commands/status.ts';
import { helpText, optionRows } from './help.ts';
import { opt } from './options.ts';
import { closest, parseOptions } from './parse.ts';

const FS_PROBLEMS: Record<string, string> = {
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or folder',
};

export const COMMANDS: readonly Command[] = [
  scrapeCommand,
  nightlyCommand,
  importCommand,
  mergeCommand,
  statusCommand,
  searchCommand,
  serveCommand,
  packCommand,
];

/** What `papers` takes before (instead of) a command. */
const topOptions = z.object({ version: opt.flag({ short: 'V', help: 'print the version' }) });

function mainHelp(): string {
  const rows = [
    ...COMMANDS.map((c) => [c.name, c.summary.split('\n')[0]!] as const),
    ...optionRows(topOptions).map((r) => [r.flag.trim(), r.text] as const),
  ];
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  const line = ([left, text]: readonly [string, string]) => `  ${left.padEnd(width)}${text}`;
  return [
    'Usage: papers <command> [options]',
    '',
    'The Hugging Face Daily Papers archive.',
    '',
    'Commands:',
    ...rows.slice(0, COMMANDS.length).map(line),
    '',
    'Options:',
    ...rows.slice(COMMANDS.length).map(line),
    '',
    "Run 'papers <command> --help' for a command's options.",
    '',
  ].join('\n');
}

/**
 * A failure of the machine rather than of the input (a folder that is a file, a disk that is
 * full, a file we may not write), as one line naming the file; null for any other error.
 */
export function describeSystemError(e: unknown): string | null {
  const err = e as NodeJS.ErrnoException;
  if (typeof err !== 'object' || err === null || typeof err.code !== 'string' || !/^E[A-Z]+$/.test(err.code))
    return null;
  const what = FS_PROBLEMS[err.code] ?? err.code;
  return err.path
    ? `cannot ${err.syscall ?? 'use'} ${err.path}: ${what}`
    : `${err.syscall ?? 'a system call'} failed: ${what}`;
}

/** The one way a usage error is told: what is wrong, then where the right words are. */
function usageError(io: Io, command: string | null, message: string): number {
  const who = command ? `papers ${command}` : 'papers';
  io.stderr.write(`${who}: ${message}\nRun '${who} --help' for usage.\n`);
  return EXIT_USAGE;
}

function findCommand(name: string): Command | string {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const guess = closest(
    name,
    COMMANDS.map((c) => c.name),
  );
  return `unknown command ${JSON.stringify(name)}${guess ? `; did you mean ${guess}?` : ''}`;
}

/** `papers` without a command: --help, --version, or a mistake. */
function top(argv: string[], io: Io): number {
  let parsed: ReturnType<typeof parseOptions<typeof topOptions>>;
  try {
    parsed = parseOptions(topOptions, argv);
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, null, e.message);
    throw e;
  }
  if (parsed.help) {
    io.stdout.write(mainHelp());
    return EXIT_OK;
  }
  if (parsed.values.version) {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  return usageError(io, null, `give a command: ${COMMANDS.map((c) => c.name).join(', ')}`);
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name.startsWith('-')) return top(argv, io);
  if (name === 'help') {
    if (rest[0] === undefined) return top(['--help'], io);
    const command = findCommand(rest[0]);
    if (typeof command === 'string') return usageError(io, null, command);
    io.stdout.write(helpText(command));
    return EXIT_OK;
  }
  const command = findCommand(name);
  if (typeof command === 'string') return usageError(io, null, command);
  try {
    const parsed = parseOptions(command.options, rest, {
      env: io.env,
      cwd: io.cwd,
      positionals: command.positionals ?? false,
    });
    if (parsed.help) {
      io.stdout.write(helpText(command));
      return EXIT_OK;
    }
    return await command.run(parsed, io);
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, command.name, e.message);
    if (e instanceof InputError) {
      io.stderr.write(`papers ${command.name}: ${e.message}\n`);
      return EXIT_FAILED;
    }
    const line = describeSystemError(e);
    if (line !== null) {
      io.stderr.write(`papers ${command.name}: ${line}\n`);
      return EXIT_FAILED;
    }
    throw e;
  }
}

/**
 * `papers status | head`: the reader closes the pipe early. The output is no longer wanted, so
 * the run ends quietly instead of with an EPIPE stack trace.
 */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  quietOnClosedPipe();
  const io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`papers: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT_FAILED;
    },
  );
}
