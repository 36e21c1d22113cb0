// From argv to a command's typed option values, through its one options schema (options.ts):
// node:util parseArgs splits the words, the schema checks and converts them, and every mistake
// becomes a UsageError of one line that names the option, the value given and what it must be.
import path from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { z } from 'zod';
import { UsageError } from '../errors.ts';
import { HELP_META, type OptionMeta, type OptionsSchema, optionsOf } from './options.ts';

export type ParseContext = {
  /** Read for options declared with `env`; an empty variable counts as unset. */
  env?: Readonly<Record<string, string | undefined>>;
  /** What relative paths are resolved against. */
  cwd?: string;
  /** Whether the command takes words that are not options (files, folders). */
  positionals?: boolean;
};

export type Parsed<S extends OptionsSchema> =
  | { help: true }
  | { help: false; values: z.output<S>; positionals: string[] };

/** The parseArgs config of a schema's options, --help included. */
export function parseArgsConfig(schema: OptionsSchema): NonNullable<ParseArgsConfig['options']> {
  const config: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, meta] of [...optionsOf(schema), ['help', HELP_META] as const]) {
    config[name] = {
      type: meta.kind === 'flag' ? 'boolean' : 'string',
      ...(meta.short ? { short: meta.short } : {}),
      ...(meta.multiple ? { multiple: true } : {}),
    };
  }
  return config;
}

type Raw = Record<string, string | true | string[]>;

export function parseOptions<S extends OptionsSchema>(schema: S, argv: string[], ctx: ParseContext = {}): Parsed<S> {
  const metas = new Map<string, OptionMeta>([...optionsOf(schema), ['help', HELP_META]]);
  // Not strict: parseArgs's own errors are worded for programmers; the tokens let us word ours.
  const { tokens } = parseArgs({
    args: argv,
    options: parseArgsConfig(schema),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const raw: Raw = {};
  const positionals: string[] = [];
  let problem: string | undefined;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (ctx.positionals) positionals.push(token.value);
      else problem ??= `unexpected argument ${JSON.stringify(token.value)}`;
      continue;
    }
    const meta = metas.get(token.name);
    if (!meta) {
      problem ??= unknownOption(token.rawName, [...metas.keys()]);
      continue;
    }
    const value = token.value;
    if (meta.kind === 'flag') {
      if (value !== undefined) problem ??= `${token.rawName} takes no value`;
      raw[token.name] = true;
    } else if (value === undefined) {
      problem ??= `--${token.name} needs a value${meta.arg ? ` (${meta.arg})` : ''}`;
    } else if (!token.inlineValue && value.startsWith('-') && value !== '-') {
      // `--date --last 3`: a forgotten value, not a date that starts with a dash.
      problem ??= `--${token.name} needs a value${meta.arg ? ` (${meta.arg})` : ''}; write --${token.name}=${value} if ${JSON.stringify(value)} is it`;
    } else if (meta.multiple) {
      const list = raw[token.name];
      raw[token.name] = Array.isArray(list) ? [...list, value] : [value];
    } else {
      raw[token.name] = value;
    }
  }
  // --help wins over every other mistake: it is how one finds out what the right words are.
  if (raw['help'] === true) return { help: true };
  if (problem !== undefined) throw new UsageError(problem);
  delete raw['help'];

  const givenBy = new Map<string, string>();
  for (const [name, meta] of metas) {
    const fromEnv = meta.env ? ctx.env?.[meta.env] : undefined;
    if (raw[name] === undefined && fromEnv) {
      raw[name] = fromEnv;
      givenBy.set(name, `$${meta.env}`);
    }
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const [name, index] = issue.path as [string, number | undefined];
    const given = raw[name];
    const value = Array.isArray(given) && index !== undefined ? given[index] : given;
    const meta = metas.get(name)!;
    throw new UsageError(
      `${givenBy.get(name) ?? `--${name}`} must be ${meta.expects}, not ${JSON.stringify(shown(value))}`,
    );
  }
  const values = result.data as Record<string, unknown>;
  for (const [name, meta] of metas) {
    const v = values[name];
    if (meta.path && typeof v === 'string') values[name] = path.resolve(ctx.cwd ?? process.cwd(), v);
  }
  return { help: false, values: values as z.output<S>, positionals };
}

/**
 * A value as an error may repeat it: a password in a URL, or its query or fragment (where
 * tokens are passed), is never echoed to a log.
 */
export function shown(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1…@')
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^?#\s]*)([?#]).+$/is, '$1$2…');
}

function unknownOption(rawName: string, names: string[]): string {
  const guess = rawName.startsWith('--') ? closest(rawName.slice(2), names) : undefined;
  return `unknown option ${rawName}${guess ? `; did you mean --${guess}?` : ''}`;
}

/** The candidate nearest to `word` when it is near enough to be a typo of it, else undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const extending = candidates.filter((c) => c.toLowerCase().startsWith(lower));
  if (lower.length >= 3 && extending.length === 1) return extending[0];
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  // A third of the word may be wrong (2 of 6 letters): `x` is not a typo of `json`.
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * The fewest one-letter insertions, deletions, substitutions and swaps of neighbours that turn
 * `a` into `b` (optimal string alignment): `--prot` is one slip away from `--port`.
 */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i || j));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
