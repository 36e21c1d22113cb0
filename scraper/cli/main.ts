// `papers`: the archive's command line. Every command reads and writes the archive folder given
// by --content (or $PAPERS_CONTENT, else ./content) and exits 0 when done, 1 when some input
// failed, 2 on usage errors.
import { pathToFileURL } from 'node:url';
import { InputError } from '../errors.ts';
import { type Command, EXIT_FAILED, EXIT_USAGE, helpText, type Io, parseCommandArgs, UsageError } from './command.ts';
import { importCommand } from './commands/import.ts';
import { scrapeCommand } from './commands/scrape.ts';
import { statusCommand } from './commands/status.ts';

const FS_PROBLEMS: Record<string, string> = {
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or folder',
};

export const COMMANDS: readonly Command[] = [scrapeCommand, importCommand, statusCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'Usage: papers <command> [options]',
    '',
    'The Hugging Face Daily Papers archive.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary.split('\n')[0]}`),
    '',
    "Run 'papers <command> --help' for a command's options.",
    '',
  ].join('\n');
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(mainHelp());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`papers: unknown command ${JSON.stringify(name)}\n\n${mainHelp()}`);
    return EXIT_USAGE;
  }
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values['help'] === true) {
      io.stdout.write(helpText(command));
      return 0;
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`papers ${command.name}: ${e.message}\nRun 'papers ${command.name} --help' for usage.\n`);
      return EXIT_USAGE;
    }
    if (e instanceof InputError) {
      io.stderr.write(`papers ${command.name}: ${e.message}\n`);
      return EXIT_FAILED;
    }
    const fsError = e as NodeJS.ErrnoException;
    if (typeof fsError.code === 'string' && typeof fsError.path === 'string') {
      // A folder that is a file, a disk that is full, a file we may not write: say which.
      io.stderr.write(
        `papers ${command.name}: cannot ${fsError.syscall ?? 'use'} ${fsError.path}: ${FS_PROBLEMS[fsError.code] ?? fsError.code}\n`,
      );
      return EXIT_FAILED;
    }
    throw e;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
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
