// The option machinery: one zod schema per command gives the parseArgs config, the checked and
// converted values, the errors, and the --help rows and README tables.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { importOptions } from '../../../../scraper/cli/commands/import.ts';
import { MAX_LAST_DAYS, scrapeOptions } from '../../../../scraper/cli/commands/scrape.ts';
import { describeOption, helpText, markdownTable, optionRows } from '../../../../scraper/cli/help.ts';
import { opt, optionMeta, optionsOf } from '../../../../scraper/cli/options.ts';
import { closest, editDistance, parseArgsConfig, parseOptions } from '../../../../scraper/cli/parse.ts';
import { UsageError } from '../../../../scraper/errors.ts';
import { DEFAULT_RETRY } from '../../../../scraper/fetch/retry.ts';

const schema = z.object({
  count: opt.int({ min: 1, max: 16, default: 2, help: 'how many' }),
  limit: opt.int({ min: 0, max: 9, help: 'a bound' }),
  wait: opt.seconds({ min: 1, max: 600, default: 30, help: 'how long' }),
  day: opt.date({ help: 'a day', defaultText: 'today' }),
  mode: opt.choice(['fast', 'slow', 'off'], { default: 'fast', help: 'how' }),
  site: opt.url({ env: 'SITE_URL', default: 'https://example.org', help: 'where' }),
  dir: opt.path({ arg: 'DIR', env: 'THE_DIR', default: './data', help: 'a folder' }),
  name: opt.text({ arg: 'NAME', help: 'a name' }),
  pair: opt.ints({ parts: 2, arg: 'A[/B]', help: 'one or two numbers' }),
  config: opt.json({ help: 'settings' }),
  tag: opt.many(opt.date({ help: 'a tagged day' })),
  quiet: opt.flag({ short: 'q', help: 'say less' }),
});

function parse(argv: string[], env: Record<string, string> = {}) {
  const parsed = parseOptions(schema, argv, { env, cwd: '/work' });
  if (parsed.help) throw new Error('unexpected --help');
  return parsed.values;
}

function usageError(argv: string[], env: Record<string, string> = {}): string {
  try {
    parseOptions(schema, argv, { env, cwd: '/work' });
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseOptions', () => {
  it('gives every default, and undefined for options without one', () => {
    expect(parse([])).toEqual({
      count: 2,
      limit: undefined,
      wait: 30,
      day: undefined,
      mode: 'fast',
      site: 'https://example.org',
      dir: '/work/data',
      name: undefined,
      pair: undefined,
      config: undefined,
      tag: [],
      quiet: false,
    });
  });

  it('converts what is given: numbers, seconds, URLs, paths, lists, JSON, flags', () => {
    expect(
      parse([
        '--count=16',
        '--limit',
        '0',
        '--wait',
        '1.5',
        '--day',
        '2024-02-29',
        '--mode',
        'off',
        '--site',
        'http://127.0.0.1:8787///',
        '--dir',
        '../elsewhere',
        '--name',
        'x',
        '--pair',
        '2/30',
        '--config',
        '{"a":[1]}',
        '--tag',
        '2026-08-06',
        '--tag',
        '2026-08-05',
        '-q',
      ]),
    ).toEqual({
      count: 16,
      limit: 0,
      wait: 1.5,
      day: '2024-02-29',
      mode: 'off',
      site: 'http://127.0.0.1:8787',
      dir: '/elsewhere',
      name: 'x',
      pair: [2, 30],
      config: { a: [1] },
      tag: ['2026-08-06', '2026-08-05'],
      quiet: true,
    });
  });

  it('refuses a value out of bounds or of the wrong kind, naming the option, the value and what it must be', () => {
    const cases: [string[], string][] = [
      [['--count', '0'], '--count must be a whole number from 1 to 16, not "0"'],
      [['--count', '17'], '--count must be a whole number from 1 to 16, not "17"'],
      [['--count', '2.5'], '--count must be a whole number from 1 to 16, not "2.5"'],
      [['--count', '-1'], '--count needs a value (N); write --count=-1 if "-1" is it'],
      [['--count=-1'], '--count must be a whole number from 1 to 16, not "-1"'],
      [['--count', 'many'], '--count must be a whole number from 1 to 16, not "many"'],
      [['--wait', '2147484'], '--wait must be a number of seconds from 1 to 600, not "2147484"'],
      [['--wait', '0.5'], '--wait must be a number of seconds from 1 to 600, not "0.5"'],
      [['--wait', '1e3'], '--wait must be a number of seconds from 1 to 600, not "1e3"'],
      [['--day', '2026-02-30'], '--day must be a date YYYY-MM-DD from 2023-05-01 on, not "2026-02-30"'],
      [['--day', '8/7/2026'], '--day must be a date YYYY-MM-DD from 2023-05-01 on, not "8/7/2026"'],
      [['--mode', 'rss'], '--mode must be one of fast, slow, off, not "rss"'],
      [
        ['--site', 'ftp://example.org'],
        '--site must be an http(s) URL without a user name, password, query or fragment, not "ftp://example.org"',
      ],
      [
        ['--site', 'example.org'],
        '--site must be an http(s) URL without a user name, password, query or fragment, not "example.org"',
      ],
      [['--dir', ''], '--dir must be a path, not ""'],
      [['--name='], '--name must be a non-empty value, not ""'],
      [['--pair', '1/2/3'], '--pair must be whole numbers A[/B], not "1/2/3"'],
      [['--config', '{'], '--config must be JSON, not "{"'],
      [['--tag', '2026-08-06', '--tag', 'monday'], '--tag must be a date YYYY-MM-DD from 2023-05-01 on, not "monday"'],
    ];
    for (const [argv, message] of cases) expect(usageError(argv), argv.join(' ')).toBe(message);
  });

  it('refuses unknown options with the nearest known one, missing values, values for flags, stray words', () => {
    expect(usageError(['--cuont', '3'])).toBe('unknown option --cuont; did you mean --count?');
    expect(usageError(['--qiet'])).toBe('unknown option --qiet; did you mean --quiet?');
    expect(usageError(['--conf', '{}'])).toBe('unknown option --conf; did you mean --config?');
    expect(usageError(['--bogus'])).toBe('unknown option --bogus');
    expect(usageError(['-x'])).toBe('unknown option -x');
    expect(usageError(['--day'])).toBe('--day needs a value (DATE)');
    expect(usageError(['--day', '--count', '3'])).toBe(
      '--day needs a value (DATE); write --day=--count if "--count" is it',
    );
    expect(usageError(['--quiet=yes'])).toBe('--quiet takes no value');
    expect(usageError(['stray'])).toBe('unexpected argument "stray"');
    expect(usageError(['--', '--count'])).toBe('unexpected argument "--count"');
  });

  it('takes words that are not options when the command does', () => {
    const parsed = parseOptions(schema, ['a', '--count', '3', 'b', '--', '--c'], { positionals: true });
    expect(parsed).toMatchObject({ help: false, positionals: ['a', 'b', '--c'], values: { count: 3 } });
  });

  it('answers --help (or -h) before any other mistake', () => {
    expect(parseOptions(schema, ['--help'])).toEqual({ help: true });
    expect(parseOptions(schema, ['--count', '99', '--bogus', '-h'])).toEqual({ help: true });
  });

  it('falls back to the environment, says so when its value is wrong, and ignores it when empty', () => {
    expect(parse([], { SITE_URL: 'http://localhost:1/', THE_DIR: 'from-env' })).toMatchObject({
      site: 'http://localhost:1',
      dir: '/work/from-env',
    });
    expect(parse(['--dir', 'given'], { THE_DIR: 'from-env' }).dir).toBe('/work/given');
    expect(parse([], { SITE_URL: '', THE_DIR: '' })).toMatchObject({ site: 'https://example.org', dir: '/work/data' });
    expect(usageError([], { SITE_URL: 'nope' })).toBe(
      '$SITE_URL must be an http(s) URL without a user name, password, query or fragment, not "nope"',
    );
  });

  it('keeps the last of a repeated option that is not repeatable', () => {
    expect(parse(['--count', '3', '--count', '4']).count).toBe(4);
  });
});

describe('declaring options', () => {
  it('refuses a default outside its own bounds, when the module loads', () => {
    expect(() => opt.int({ min: 1, max: 9, default: 10, help: 'x' })).toThrow(RangeError);
    expect(() => opt.seconds({ min: 1, max: 9, default: 0, help: 'x' })).toThrow(RangeError);
    expect(() => opt.date({ default: '2026-02-30', help: 'x' })).toThrow(RangeError);
  });

  it('refuses a field not built with opt.*', () => {
    expect(() => optionsOf(z.object({ raw: z.string() }))).toThrow('option --raw was not built with opt.*');
  });

  it('gives parseArgs the config the schema implies', () => {
    expect(
      parseArgsConfig(z.object({ n: opt.int({ min: 0, max: 1, help: 'n' }), q: opt.flag({ short: 'q', help: 'q' }) })),
    ).toEqual({
      n: { type: 'string' },
      q: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    });
    expect(parseArgsConfig(schema)['tag']).toEqual({ type: 'string', multiple: true });
  });
});

describe('help rows', () => {
  it('add the range, the default, the variable and "repeatable" to the help line', () => {
    const rows = Object.fromEntries(optionRows(schema).map((r) => [r.flag.trim(), r.text]));
    expect(rows).toEqual({
      '--count N': 'how many (1 to 16; default 2)',
      '--limit N': 'a bound (0 to 9)',
      '--wait S': 'how long (1 to 600 s; default 30 s)',
      '--day DATE': 'a day (default: today)',
      '--mode fast|slow|off': 'how (default fast)',
      '--site URL': 'where (default $SITE_URL, else https://example.org)',
      '--dir DIR': 'a folder (default $THE_DIR, else ./data)',
      '--name NAME': 'a name',
      '--pair A[/B]': 'one or two numbers',
      '--config JSON': 'settings',
      '--tag DATE': 'a tagged day (repeatable)',
      '-q, --quiet': 'say less',
      '-h, --help': 'show this help',
    });
  });

  it('state the bounds and defaults the scrape command runs with', () => {
    const rows = Object.fromEntries(optionRows(scrapeOptions).map((r) => [r.flag.trim(), r.text]));
    expect(rows['--timeout S']).toBe('time a request may take before it is given up (1 to 600 s; default 30 s)');
    expect(rows['--last N']).toContain(`(1 to ${MAX_LAST_DAYS})`);
    expect(rows['--retries N']).toContain(`(0 to 20; default ${DEFAULT_RETRY.retries})`);
    expect(rows['--backoff S']).toContain(`(0 to ${DEFAULT_RETRY.maxDelayMs / 1000} s; default 2 s)`);
    expect(rows['--rate N']).toContain('default: 20, or 100 with --source api');
  });

  it('render --help with the option names aligned and long lines wrapped', () => {
    const text = helpText({ usage: 'demo [options]', summary: 'A demo.', options: schema, details: 'The end.' });
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual(['Usage: demo [options]', '', 'A demo.', '', 'Options:']);
    // The longest name, "    --mode fast|slow|off", sets the column.
    expect(lines).toContain(`${'      --count N'.padEnd(28)}how many (1 to 16; default 2)`);
    expect(lines).toContain(`${'  -q, --quiet'.padEnd(28)}say less`);
    expect(text.endsWith('\nThe end.\n')).toBe(true);

    const long = z.object({
      'a-very-long-option-name': opt.ints({ parts: 3, arg: 'A[/B[/C]]', help: 'short' }),
      wordy: opt.seconds({ min: 1, max: 9, default: 30 - 21, help: `${'word '.repeat(30)}end` }),
      section: opt.flag({ section: 'More', help: 'after a heading' }),
    });
    const wrapped = helpText({ usage: 'u', summary: 's', options: long }).split('\n');
    expect(wrapped).toContain('      --a-very-long-option-name A[/B[/C]]');
    expect(wrapped[wrapped.indexOf('      --a-very-long-option-name A[/B[/C]]') + 1]).toBe(`${' '.repeat(28)}short`);
    expect(Math.max(...wrapped.map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(wrapped.find((l) => l.includes('default'))).toMatch(/default 9 s\)$/);
    expect(wrapped.slice(wrapped.indexOf('More:') - 1, wrapped.indexOf('More:') + 2)).toEqual([
      '',
      'More:',
      `${'      --section'.padEnd(28)}after a heading`,
    ]);
  });

  it('render a markdown table, literal values in code, pipes escaped', () => {
    expect(markdownTable(z.object({ mode: opt.choice(['a', 'b'], { default: 'a', help: 'x' }) }))).toBe(
      ['| option | |', '| --- | --- |', '| `--mode a\\|b` | x (default `a`) |'].join('\n'),
    );
    expect(markdownTable(importOptions)).toContain(
      '| `--content DIR` | archive folder (default `$PAPERS_CONTENT`, else `./content`) |',
    );
  });

  it('describe an option through the registry its schema is in', () => {
    const field = opt.int({ min: 1, max: 2, default: 1, help: 'h' });
    expect(describeOption(optionMeta.get(field)!)).toBe('h (1 to 2; default 1)');
  });
});

describe('did you mean', () => {
  it('measures edits, a swap of neighbours counting as one', () => {
    expect(editDistance('scrap', 'scrape')).toBe(1);
    expect(editDistance('prot', 'port')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('status', 'status')).toBe(0);
  });

  it('suggests only what is near enough to be a typo, or the one option a prefix names', () => {
    const commands = ['scrape', 'import', 'status'];
    expect(closest('scrap', commands)).toBe('scrape');
    expect(closest('improt', commands)).toBe('import');
    expect(closest('Status', commands)).toBe('status');
    expect(closest('stat', commands)).toBe('status');
    expect(closest('x', commands)).toBeUndefined();
    expect(closest('deploy', commands)).toBeUndefined();
    expect(closest('only', ['only-missing', 'json'])).toBe('only-missing');
    expect(closest('dates', ['date', 'from', 'to', 'last'])).toBe('date');
  });
});

describe('paths', () => {
  it('are resolved against the given working folder', () => {
    const parsed = parseOptions(z.object({ dir: opt.path({ help: 'd' }) }), ['--dir', 'a/b'], { cwd: '/base' });
    expect(parsed.help === false && parsed.values.dir).toBe(path.resolve('/base', 'a/b'));
  });
});
