// `papers` in process, through main(argv, io) with captured stdout and stderr: help, version,
// did-you-mean, exit codes, and the one way every usage error is told. The same command as a
// child process is tested in tests/integration/scraper/cli/.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { utcToday } from '../../../../scraper/archive/dates.ts';
import { COMMANDS } from '../../../../scraper/cli/main.ts';
import { optionsOf } from '../../../../scraper/cli/options.ts';
import { packageVersion } from '../../../../scraper/repo.ts';
import { runMain } from '../../../helpers/cli.ts';
import { tempDir } from '../../../helpers/temp.ts';

const usage = (command: string | null, message: string) =>
  `${command ? `papers ${command}` : 'papers'}: ${message}\nRun '${command ? `papers ${command}` : 'papers'} --help' for usage.\n`;

describe('papers', () => {
  it('prints its help on --help, -h and `help`, on stdout, exit 0', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const result = await runMain(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^Usage: papers <command> \[options\]\n/);
      const lines = result.stdout.split('\n');
      for (const c of COMMANDS) {
        expect(lines.some((l) => l.startsWith(`  ${c.name} `) && l.endsWith(` ${c.summary}`))).toBe(true);
      }
      expect(result.stdout).toMatch(/^ {2}-V, --version +print the version$/m);
    }
  });

  it('prints the package version on --version and -V', async () => {
    expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+/);
    for (const flag of ['--version', '-V']) {
      expect(await runMain([flag])).toEqual({ code: 0, signal: null, stdout: `${packageVersion()}\n`, stderr: '' });
    }
  });

  it('tells a usage error in one line, then where help is, exit 2', async () => {
    const cases: [string[], string][] = [
      [[], usage(null, 'give a command: scrape, nightly, import, merge, status, search, serve, pack')],
      [['scrap'], usage(null, 'unknown command "scrap"; did you mean scrape?')],
      [['stauts'], usage(null, 'unknown command "stauts"; did you mean status?')],
      [['deploy'], usage(null, 'unknown command "deploy"')],
      [['help', 'imprt'], usage(null, 'unknown command "imprt"; did you mean import?')],
      [['--vesion'], usage(null, 'unknown option --vesion; did you mean --version?')],
      [['--json', 'status'], usage(null, 'unknown option --json')],
      [['status', 'extra'], usage('status', 'unexpected argument "extra"')],
      [['status', '--jsno'], usage('status', 'unknown option --jsno; did you mean --json?')],
      [['status', '--content='], usage('status', '--content must be a path, not ""')],
    ];
    for (const [args, stderr] of cases) {
      expect(await runMain(args), args.join(' ')).toEqual({ code: 2, signal: null, stdout: '', stderr });
    }
  });

  it("prints a command's help from its schema, also through `papers help <command>`", async () => {
    for (const command of COMMANDS) {
      const result = await runMain([command.name, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: ${command.usage.replace(/[[\]|.…]/g, '\\$&')}\n`));
      for (const [name] of optionsOf(command.options)) expect(result.stdout).toContain(`--${name}`);
      expect(result.stdout).toContain('-h, --help');
      expect((await runMain(['help', command.name])).stdout).toBe(result.stdout);
    }
    // --help wins over any mistake next to it: it is how the right words are found.
    expect((await runMain(['scrape', '--last', '0', '--bogus', '--help'])).code).toBe(0);
  });

  it('exits 0 when a command is done and 1 when an input failed, with one line naming it', async () => {
    const ok = await runMain(['status']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('days held:   39');

    const broken = tempDir();
    mkdirSync(broken, { recursive: true });
    writeFileSync(path.join(broken, 'ledger.json'), '{ oops');
    const failed = await runMain(['status', '--content', broken]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^papers status: \S+ledger\.json: not valid JSON[^\n]*\n$/);
  });

  it('reads --content from $PAPERS_CONTENT, relative to the working folder, and ignores it when empty', async () => {
    const cwd = tempDir();
    // Each folder holds an archive (an empty ledger): status refuses a folder without one.
    for (const dir of ['here', 'there', 'content']) {
      mkdirSync(path.join(cwd, dir));
      writeFileSync(path.join(cwd, dir, 'ledger.json'), '{"format":1,"days":{}}\n');
    }
    const json = async (env: Record<string, string>, args: string[] = []) =>
      JSON.parse((await runMain(['status', '--json', ...args], { env, cwd })).stdout);
    expect((await json({ PAPERS_CONTENT: 'here' })).content).toBe(path.join(cwd, 'here'));
    expect((await json({ PAPERS_CONTENT: 'here' }, ['--content', 'there'])).content).toBe(path.join(cwd, 'there'));
    expect((await json({ PAPERS_CONTENT: '' })).content).toBe(path.join(cwd, 'content'));
  });
});

describe('papers scrape: usage', () => {
  const today = utcToday();
  // Each is refused before the network, a browser or the archive is touched.
  const cases: [string[], string][] = [
    [['--date', '2999-01-01'], `2999-01-01 is in the future (today is ${today} UTC)`],
    [['--date', '2026-02-30'], '--date must be a date YYYY-MM-DD from 2023-05-01 on, not "2026-02-30"'],
    [['--date', '2026-08-07', '--last', '3'], 'give one of --date, --from/--to and --last, not --date and --last'],
    [['--to', '2026-08-07'], '--to needs --from'],
    [['--from', '2026-08-07', '--to', '2026-08-01'], '--from 2026-08-07 is after --to 2026-08-01'],
    [['--last', '0'], '--last must be a whole number from 1 to 3650, not "0"'],
    [['--last', '99999'], '--last must be a whole number from 1 to 3650, not "99999"'],
    [['--source', 'rss'], '--source must be page or api, not "rss"'],
    [
      ['--base-url', 'ftp://example.org'],
      '--base-url must be an http(s) URL without a user name, password, query or fragment, not "ftp://example.org"',
    ],
    [['--rate', 'fast'], '--rate must be a whole number from 1 to 6000, not "fast"'],
    [['--rate', '6001'], '--rate must be a whole number from 1 to 6000, not "6001"'],
    [['--api-rate', '0'], '--api-rate must be a whole number from 1 to 6000, not "0"'],
    [['--concurrency', '17'], '--concurrency must be a whole number from 1 to 16, not "17"'],
    [['--retries', '21'], '--retries must be a whole number from 0 to 20, not "21"'],
    [['--backoff', '121'], '--backoff must be a number of seconds from 0 to 120, not "121"'],
    [['--timeout', '2147484'], '--timeout must be a number of seconds from 1 to 600, not "2147484"'],
    [['--timeout', '0'], '--timeout must be a number of seconds from 1 to 600, not "0"'],
    [['--date'], '--date needs a value (D)'],
    [['--dates', '2026-08-07'], 'unknown option --dates; did you mean --date?'],
    [['--only-mising'], 'unknown option --only-mising; did you mean --only-missing?'],
    [['--render=yes'], '--render takes no value'],
    [['2026-08-07'], 'unexpected argument "2026-08-07"'],
  ];
  for (const [args, message] of cases) {
    it(`exits 2 for ${args.join(' ')}`, async () => {
      const content = tempDir();
      const result = await runMain(['scrape', '--content', content, ...args]);
      expect(result).toEqual({ code: 2, signal: null, stdout: '', stderr: usage('scrape', message) });
      expect(readdirSync(content)).toEqual([]);
    });
  }

  it('names $HF_BASE_URL when the URL came from it', async () => {
    const result = await runMain(['scrape', '--content', tempDir()], { env: { HF_BASE_URL: 'huggingface.co' } });
    expect(result.stderr).toBe(
      usage(
        'scrape',
        '$HF_BASE_URL must be an http(s) URL without a user name, password, query or fragment, not "huggingface.co"',
      ),
    );
  });
});
