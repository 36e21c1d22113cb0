// A command's options are one zod object: each field is built here with its default, bounds,
// value name and help line, so that the parseArgs config, the validation of the raw strings, the
// --help rows and the README tables all come from the same place and cannot disagree.
// parse.ts turns argv into values with it; help.ts renders it.
import { z } from 'zod';
import { isIsoDate } from '../archive/dates.ts';
import { FIRST_DAY } from '../archive/schema.ts';

/** What the machinery needs to know about one option besides its zod schema. */
export type OptionMeta = {
  /** A flag takes no value; every other option takes one string. */
  kind: 'flag' | 'value';
  /** The value's name in help (N, S, DATE). */
  arg?: string;
  short?: string;
  /** One line for --help, without the default and range, which are added from the fields below. */
  help: string;
  /** What a value must be, for errors: "a whole number from 1 to 16". */
  expects: string;
  /** Allowed values for help: "1 to 16". */
  range?: string;
  /** The default value as help shows it. */
  shownDefault?: string;
  /** Words for a default the command computes (from the date, another option), for help. */
  defaultText?: string;
  /** Environment variable read when the option is not given. */
  env?: string;
  /** Repeatable: the values come as a list. */
  multiple?: boolean;
  /** A path, resolved against the working folder of the command. */
  path?: boolean;
  /** A heading printed before this option in --help (for long option lists). */
  section?: string;
};

/** Where each option's metadata lives, keyed by its schema: one zod object per command. */
export const optionMeta = z.registry<OptionMeta>();

export type OptionsSchema = z.ZodObject;

/** A field's output: T when the option has a default, else T or undefined. */
type Maybe<T, D> = [D] extends [undefined] ? T | undefined : T;

type Common<D> = {
  help: string;
  arg?: string;
  short?: string;
  env?: string;
  section?: string;
  default?: D;
  /** A default the command computes (from the date, another option); shown in help only. */
  defaultText?: string;
};

function finish<T, D>(
  base: z.ZodType<T>,
  c: Common<D>,
  meta: Omit<OptionMeta, 'help' | 'shownDefault' | 'defaultText' | 'env' | 'section' | 'short' | 'arg'>,
  show: (d: NonNullable<D>) => string = String,
): z.ZodType<Maybe<T, D>> {
  const full: OptionMeta = {
    ...meta,
    help: c.help,
    arg: c.arg,
    short: c.short,
    env: c.env,
    section: c.section,
    shownDefault: c.default !== undefined ? show(c.default as NonNullable<D>) : undefined,
    defaultText: c.defaultText,
  };
  const withDefault = c.default !== undefined ? base.default(c.default as never) : base.optional();
  return withDefault.register(optionMeta, full) as unknown as z.ZodType<Maybe<T, D>>;
}

function checkDefault(name: string, ok: boolean, d: unknown): void {
  // A default outside its own bounds is a bug in the declaration, caught when the module loads.
  if (!ok) throw new RangeError(`${name} option: default ${JSON.stringify(d)} is out of its bounds`);
}

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

function int<D extends number | undefined = undefined>(
  c: Common<D> & { min: number; max: number },
): z.ZodType<Maybe<number, D>> {
  checkDefault('int', c.default === undefined || (c.default >= c.min && c.default <= c.max), c.default);
  const base = z.string().regex(WHOLE).transform(Number).pipe(z.number().int().min(c.min).max(c.max));
  return finish(
    base,
    { arg: 'N', ...c },
    {
      kind: 'value',
      expects: `a whole number from ${c.min} to ${c.max}`,
      range: `${c.min} to ${c.max}`,
    },
  );
}

/** A duration in seconds, fractions allowed; bounded so that it fits what the caller waits with. */
function seconds<D extends number | undefined = undefined>(
  c: Common<D> & { min: number; max: number },
): z.ZodType<Maybe<number, D>> {
  checkDefault('seconds', c.default === undefined || (c.default >= c.min && c.default <= c.max), c.default);
  const base = z.string().regex(DECIMAL).transform(Number).pipe(z.number().min(c.min).max(c.max));
  return finish(
    base,
    { arg: 'S', ...c },
    { kind: 'value', expects: `a number of seconds from ${c.min} to ${c.max}`, range: `${c.min} to ${c.max} s` },
    (d) => `${d} s`,
  );
}

function date<D extends string | undefined = undefined>(c: Common<D>): z.ZodType<Maybe<string, D>> {
  const isDay = (s: string) => isIsoDate(s) && s >= FIRST_DAY;
  checkDefault('date', c.default === undefined || isDay(c.default), c.default);
  // Nothing before Daily Papers began can be asked for, or end up as a ledger key.
  return finish(
    z.string().refine(isDay),
    { arg: 'DATE', ...c },
    { kind: 'value', expects: `a date YYYY-MM-DD from ${FIRST_DAY} on` },
  );
}

function choice<const V extends readonly [string, ...string[]], D extends V[number] | undefined = undefined>(
  values: V,
  c: Common<D>,
): z.ZodType<Maybe<V[number], D>> {
  const words = values.length === 2 ? `${values[0]} or ${values[1]}` : `one of ${values.join(', ')}`;
  return finish(
    z.enum(values) as unknown as z.ZodType<V[number]>,
    { arg: values.join('|'), ...c },
    {
      kind: 'value',
      expects: words,
    },
  );
}

function flag(c: { help: string; short?: string; section?: string }): z.ZodType<boolean> {
  const meta: OptionMeta = { kind: 'flag', expects: 'given without a value', ...c };
  return z.boolean().default(false).register(optionMeta, meta);
}

/** Any non-empty string. */
function text<D extends string | undefined = undefined>(c: Common<D>): z.ZodType<Maybe<string, D>> {
  return finish(z.string().min(1), { arg: 'TEXT', ...c }, { kind: 'value', expects: 'a non-empty value' });
}

/** A file or folder; parse.ts resolves it against the command's working folder. */
function pathOpt<D extends string | undefined = undefined>(c: Common<D>): z.ZodType<Maybe<string, D>> {
  return finish(
    z.string().refine((s) => s.trim() !== ''),
    { arg: 'PATH', ...c },
    { kind: 'value', expects: 'a path', path: true },
  );
}

const URL_EXPECTED = 'an http(s) URL without a user name, password, query or fragment';

/** An http(s) URL, without trailing slashes so that paths can be appended. */
function url<D extends string | undefined = undefined>(c: Common<D>): z.ZodType<Maybe<string, D>> {
  const base = z.string().transform((raw, ctx) => {
    const parsed = URL.canParse(raw) ? new URL(raw) : null;
    // A user name, a password or a query (an ?access_token=…) would be sent with every request
    // and end up in day files, the ledger (which the nightly pushes) and logs: never take one.
    const ok =
      parsed &&
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      !parsed.username &&
      !parsed.password &&
      !parsed.search &&
      !parsed.hash &&
      !/[?#]/.test(raw);
    if (ok) return parsed.href.replace(/\/+$/, '');
    ctx.addIssue({ code: 'custom', message: `not ${URL_EXPECTED}` });
    return z.NEVER;
  });
  return finish(base, { arg: 'URL', ...c }, { kind: 'value', expects: URL_EXPECTED });
}

/** Whole numbers separated by `/` (`2/30`), `parts` of them at most. */
function ints<D extends number[] | undefined = undefined>(
  c: Common<D> & { parts: number; arg: string },
): z.ZodType<Maybe<number[], D>> {
  const pattern = new RegExp(`^\\d+(/\\d+){0,${c.parts - 1}}$`);
  const base = z
    .string()
    .regex(pattern)
    .transform((s) => s.split('/').map(Number));
  return finish(base, c, { kind: 'value', expects: `whole numbers ${c.arg}` }, (d) => d.join('/'));
}

/** A JSON text, parsed; what it must hold is the command's to check. */
function json(c: Common<undefined>): z.ZodType<unknown> {
  const base = z.string().transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  });
  return finish(base, { arg: 'JSON', ...c }, { kind: 'value', expects: 'JSON' });
}

/** The option `inner` given any number of times; its values in the order given. */
function many<T>(inner: z.ZodType<T>): z.ZodType<Exclude<T, undefined>[]> {
  const meta = optionMeta.get(inner);
  if (!meta || meta.kind === 'flag') throw new TypeError('many() takes an option that has a value');
  const { shownDefault: _, defaultText: __, ...rest } = meta;
  return z
    .array(inner)
    .default([])
    .register(optionMeta, { ...rest, multiple: true }) as unknown as z.ZodType<Exclude<T, undefined>[]>;
}

export const opt = { int, seconds, date, choice, flag, text, path: pathOpt, url, ints, json, many };

/** The options of a schema in declaration order, with their metadata. */
export function optionsOf(schema: OptionsSchema): [name: string, meta: OptionMeta][] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const meta = optionMeta.get(field as z.ZodType);
    if (!meta) throw new TypeError(`option --${name} was not built with opt.*`);
    return [name, meta];
  });
}

/** --help, which every command has and no command declares. */
export const HELP_META: OptionMeta = {
  kind: 'flag',
  short: 'h',
  help: 'show this help',
  expects: 'given without a value',
};
