// Where GitHub Pages publishes a fork's site (scripts/ci/pages-env.ts): a project site under
// /<repo>/, a user or organization site at the root, and the repository variables that override
// either; what the workflow's later steps receive in $GITHUB_ENV.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFileEntries } from '../../../../scripts/ci/github-env.ts';
import { main, pagesEnv } from '../../../../scripts/ci/pages-env.ts';
import { tempDir } from '../../../helpers/temp.ts';

describe('from the repository name', () => {
  test('a project site: the owner’s github.io, under the repository’s name', () => {
    expect(pagesEnv({ GITHUB_REPOSITORY: 'alice/daily-papers-archive' })).toEqual({
      PAPERS_SITE_URL: 'https://alice.github.io',
      PAPERS_BASE: '/daily-papers-archive/',
    });
  });

  test('host names are lower case; the path keeps the repository’s spelling', () => {
    expect(pagesEnv({ GITHUB_REPOSITORY: 'Alice-Lab/Papers.Archive_2' })).toEqual({
      PAPERS_SITE_URL: 'https://alice-lab.github.io',
      PAPERS_BASE: '/Papers.Archive_2/',
    });
  });

  test('the repository named <owner>.github.io is the user or organization site, at the root', () => {
    for (const repository of ['alice/alice.github.io', 'Alice/alice.github.io', 'my-org/My-Org.github.io']) {
      const { PAPERS_SITE_URL, PAPERS_BASE } = pagesEnv({ GITHUB_REPOSITORY: repository });
      expect(PAPERS_BASE, repository).toBe('/');
      expect(PAPERS_SITE_URL, repository).toBe(`https://${repository.split('/')[0]!.toLowerCase()}.github.io`);
    }
    // Another owner's github.io name is just a project.
    expect(pagesEnv({ GITHUB_REPOSITORY: 'alice/bob.github.io' }).PAPERS_BASE).toBe('/bob.github.io/');
  });

  test('a repository that is not "owner/name" is refused, by name', () => {
    for (const repository of ['', 'alice', 'alice/', '/repo', 'alice/repo/extra', 'ali ce/repo', '-alice/repo']) {
      expect(() => pagesEnv({ GITHUB_REPOSITORY: repository }), repository).toThrow(/^GITHUB_REPOSITORY: /);
    }
  });
});

describe('repository variables override', () => {
  const repo = { GITHUB_REPOSITORY: 'alice/daily-papers-archive' };

  test('both: taken as given, normalized', () => {
    expect(pagesEnv({ ...repo, PAPERS_SITE_URL: 'https://papers.example.org/', PAPERS_BASE: 'archive' })).toEqual({
      PAPERS_SITE_URL: 'https://papers.example.org',
      PAPERS_BASE: '/archive/',
    });
  });

  test('the base alone keeps the Pages origin', () => {
    expect(pagesEnv({ ...repo, PAPERS_BASE: '/' })).toEqual({
      PAPERS_SITE_URL: 'https://alice.github.io',
      PAPERS_BASE: '/',
    });
  });

  test('a custom domain alone is served from its root', () => {
    expect(pagesEnv({ ...repo, PAPERS_SITE_URL: 'https://papers.example.org' })).toEqual({
      PAPERS_SITE_URL: 'https://papers.example.org',
      PAPERS_BASE: '/',
    });
    // The Pages origin itself, given explicitly, changes nothing.
    expect(pagesEnv({ ...repo, PAPERS_SITE_URL: 'https://alice.github.io' }).PAPERS_BASE).toBe(
      '/daily-papers-archive/',
    );
  });

  test('an unset variable arrives as an empty string, and counts as unset', () => {
    expect(pagesEnv({ ...repo, PAPERS_SITE_URL: '', PAPERS_BASE: '  ' })).toEqual(pagesEnv(repo));
  });

  test('a bad value fails, naming the variable', () => {
    expect(() => pagesEnv({ ...repo, PAPERS_SITE_URL: 'alice.github.io' })).toThrow(/^PAPERS_SITE_URL: /);
    expect(() => pagesEnv({ ...repo, PAPERS_SITE_URL: 'https://alice.github.io/papers/' })).toThrow(/PAPERS_BASE/);
    expect(() => pagesEnv({ ...repo, PAPERS_BASE: '/../x/' })).toThrow(/^PAPERS_BASE: /);
  });
});

test('on GitHub Actions, the values go to $GITHUB_ENV for the next steps; they are printed either way', () => {
  const file = path.join(tempDir('pages-env-'), 'github_env');
  writeFileSync(file, 'EARLIER=kept\n');
  const lines: string[] = [];
  main({ GITHUB_REPOSITORY: 'alice/archive', GITHUB_ENV: file }, (l) => lines.push(l));
  expect(parseFileEntries(readFileSync(file, 'utf8'))).toEqual({
    EARLIER: 'kept',
    PAPERS_SITE_URL: 'https://alice.github.io',
    PAPERS_BASE: '/archive/',
  });
  expect(lines).toEqual(['PAPERS_SITE_URL=https://alice.github.io', 'PAPERS_BASE=/archive/']);

  const printed: string[] = [];
  main({ GITHUB_REPOSITORY: 'alice/alice.github.io' }, (l) => printed.push(l));
  expect(printed).toEqual(['PAPERS_SITE_URL=https://alice.github.io', 'PAPERS_BASE=/']);
});
