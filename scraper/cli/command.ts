// What every `papers` command shares: how options are declared and parsed, where the archive
// is, and the exit codes (0 done, 1 some input failed, 2 usage).
import path from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { isIsoDate } from '../archive/dates.ts';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export type Io = {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
};

export type OptionSpec = {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** One line for --help; `arg` names the value. */
  help: string;
  arg?: string;
};

export type Command = {
  name: string;
  summary: string;
  usage: string;
  /** Paragraphs printed after the options in --help. */
  details?: string;
  options: Record<string, OptionSpec>;
  positionals?: boolean;
  run: (args: ParsedArgs, io: Io) => Promise<number>;
};

export type ParsedArgs = { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };

import { UsageError } from '../errors.ts';

export { UsageError };

export const CONTENT_OPTION: OptionSpec = {
  type: 'string',
  arg: 'DIR',
  help: 'archive folder (default: $PAPERS_CONTENT, else ./content)',
};
export const JSON_OPTION: OptionSpec = { type: 'boolean', help: 'print JSON lines instead of text' };
export const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help' };

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  const options: ParseArgsConfig['options'] = {};
  for (const [name, spec] of Object.entries({ ...command.options, help: HELP_OPTION })) {
    options[name] = {
      type: spec.type,
      ...(spec.short ? { short: spec.short } : {}),
      ...(spec.multiple ? { multiple: true } : {}),
    };
  }
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: command.positionals ?? false, strict: true });
    return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

export function helpText(command: Command): string {
  const rows = Object.entries({ ...command.options, help: HELP_OPTION }).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.arg ? ` ${spec.arg}` : ''}`;
    return [flag, spec.help] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  const lines = [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}${help}`),
  ];
  if (command.details) lines.push('', command.details);
  return `${lines.join('\n')}\n`;
}

/** --content, else $PAPERS_CONTENT, else ./content, resolved against the working folder. */
export function contentDirOf(args: ParsedArgs, io: Io): string {
  const given = (args.values['content'] as string | undefined) ?? (io.env['PAPERS_CONTENT'] || 'content');
  if (given.trim() === '') throw new UsageError('--content needs a folder');
  return path.resolve(io.cwd, given);
}

/** A YYYY-MM-DD option, or a usage error naming it. */
export function dateOption(args: ParsedArgs, name: string): string | undefined {
  const raw = args.values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !isIsoDate(raw)) {
    throw new UsageError(`--${name} must be a date YYYY-MM-DD, not ${JSON.stringify(raw)}`);
  }
  return raw;
}

/** A number option of at least `min` (whole unless `integer: false`), or a usage error naming it. */
export function numberOption(
  args: ParsedArgs,
  name: string,
  fallback: number,
  { min = 1, integer = true }: { min?: number; integer?: boolean } = {},
): number {
  const raw = args.values[name];
  if (raw === undefined) return fallback;
  const pattern = integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
  const n = Number(raw);
  if (typeof raw !== 'string' || !pattern.test(raw) || n < min) {
    const kind = integer ? 'a whole number' : 'a number';
    throw new UsageError(`--${name} must be ${kind} ≥ ${min}, not ${JSON.stringify(raw)}`);
  }
  return n;
}
