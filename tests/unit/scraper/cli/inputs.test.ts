// Inputs the commands refuse before touching anything: a URL that carries a password (never
// echoed, never recorded), days before Daily Papers began, and an archive another run is writing.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, processStart } from '../../../../scraper/archive/lock.ts';
import { describeSystemError } from '../../../../scraper/cli/main.ts';
import { fixtureFile } from '../../../../scripts/fixtures/hf-days.ts';
import { runMain } from '../../../helpers/cli.ts';
import { tempDir } from '../../../helpers/temp.ts';

describe('papers refuses', () => {
  it('a base URL with a user name or password, without repeating it', async () => {
    const content = tempDir();
    for (const [args, env, who] of [
      [['--base-url', 'https://me:hunter2@huggingface.co'], {}, '--base-url'],
      [[], { HF_BASE_URL: 'https://me:hunter2@huggingface.co' }, '$HF_BASE_URL'],
    ] as const) {
      const result = await runMain(['scrape', '--content', content, '--date', '2026-08-07', ...args], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `papers scrape: ${who} must be an http(s) URL without a user name, password, query or fragment`,
      );
      expect(result.stderr).not.toContain('hunter2');
    }
    expect(readdirSync(content)).toEqual([]);
  });

  it('a base URL with a query or a fragment (a token there is sent everywhere), without repeating it', async () => {
    const content = tempDir();
    for (const [args, env, who] of [
      [['--base-url', 'https://huggingface.co/?access_token=hf_s3cret'], {}, '--base-url'],
      [['--base-url', 'https://huggingface.co#hf_s3cret'], {}, '--base-url'],
      [['--base-url', 'https://huggingface.co/?'], {}, '--base-url'],
      [[], { HF_BASE_URL: 'https://huggingface.co?token=hf_s3cret' }, '$HF_BASE_URL'],
    ] as const) {
      for (const command of ['scrape', 'nightly']) {
        const result = await runMain([command, '--content', content, '--date', '2026-08-07', ...args], { env });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(
          `papers ${command}: ${who} must be an http(s) URL without a user name, password`,
        );
        expect(result.stderr).not.toContain('s3cret');
      }
    }
    expect(readdirSync(content)).toEqual([]);
  });

  it('days before Daily Papers began', async () => {
    const content = tempDir();
    expect((await runMain(['scrape', '--content', content, '--date', '2022-12-30'])).stderr).toMatch(
      /--date must be a date YYYY-MM-DD from 2023-05-01 on, not "2022-12-30"/,
    );
    const last = await runMain(['scrape', '--content', content, '--last', '3000']);
    expect(last.code).toBe(2);
    expect(last.stderr).toMatch(
      /--last 3000 reaches back to \d{4}-\d\d-\d\d, before Daily Papers began \(2023-05-01\)/,
    );
    expect(readdirSync(content)).toEqual([]);
  });

  it('to write an archive another live run is writing, naming it', async () => {
    const content = tempDir();
    const holder = {
      pid: process.pid,
      host: os.hostname(),
      command: 'papers scrape',
      since: '2026-08-08T01:00:00.000Z',
      processStart: processStart(process.pid),
    };
    writeFileSync(path.join(content, LOCK_FILE), JSON.stringify(holder));
    const result = await runMain(['import', '--content', content, fixtureFile('2026-08-07')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `papers import: ${content} is being written by \`papers scrape\` (pid ${process.pid} on ${os.hostname()}, since 2026-08-08T01:00:00.000Z); run again when it has finished\n`,
    );
    expect(existsSync(path.join(content, 'days'))).toBe(false);
    const scrape = await runMain([
      'scrape',
      '--content',
      content,
      '--source',
      'api',
      '--base-url',
      'http://127.0.0.1:9',
      '--date',
      '2026-08-07',
    ]);
    expect(scrape.code).toBe(1);
    expect(scrape.stderr).toMatch(/is being written by `papers scrape`/);
  });
});

describe('a failure of the machine is one line naming the file', () => {
  it('no space, a folder where a file should be, with or without a path', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
      path: '/archive/days/2026/2026-08-07.md',
    });
    expect(describeSystemError(enospc)).toBe(
      'cannot write /archive/days/2026/2026-08-07.md: no space left on the device',
    );
    expect(describeSystemError(Object.assign(new Error('x'), { code: 'ENOSPC', syscall: 'write' }))).toBe(
      'write failed: no space left on the device',
    );
    expect(describeSystemError(new Error('a bug'))).toBeNull();
  });

  it('a ledger that is a folder', async () => {
    const content = tempDir();
    mkdirSync(path.join(content, 'ledger.json'));
    const result = await runMain(['status', '--content', content]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `papers status: ${path.join(content, 'ledger.json')}: is a folder, not the ledger file\n`,
    );
  });
});
