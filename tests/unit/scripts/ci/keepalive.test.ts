// Keeping the nightly's schedule on (scripts/ci/keepalive.ts): the REST request that re-enables
// the running workflow, built from the runner's environment and sent through an injected fetch.
import { describe, expect, test } from 'vitest';
import { enableRequest, keepAlive } from '../../../../scripts/ci/keepalive.ts';

const RUNNER = {
  GITHUB_REPOSITORY: 'alice/daily-papers-archive',
  GITHUB_WORKFLOW_REF: 'alice/daily-papers-archive/.github/workflows/nightly.yml@refs/heads/main',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_TOKEN: 'ghs_token',
};

describe('the request', () => {
  test('PUT …/actions/workflows/<its own file>/enable, authenticated with the job token', () => {
    expect(enableRequest(RUNNER)).toEqual({
      url: 'https://api.github.com/repos/alice/daily-papers-archive/actions/workflows/nightly.yml/enable',
      init: {
        method: 'PUT',
        headers: {
          Accept: 'application/vnd.github+json',
          Authorization: 'Bearer ghs_token',
          'X-GitHub-Api-Version': '2022-11-28',
          'User-Agent': 'daily-papers-archive-keepalive',
        },
      },
    });
  });

  test('the API of the runner’s GitHub (Enterprise Server), and .yaml files', () => {
    const { url } = enableRequest({
      ...RUNNER,
      GITHUB_API_URL: 'https://github.example.com/api/v3/',
      GITHUB_WORKFLOW_REF: 'alice/daily-papers-archive/.github/workflows/night-ly_2.yaml@refs/tags/v1',
    });
    expect(url).toBe(
      'https://github.example.com/api/v3/repos/alice/daily-papers-archive/actions/workflows/night-ly_2.yaml/enable',
    );
    expect(enableRequest({ ...RUNNER, GITHUB_API_URL: '' }).url).toMatch(/^https:\/\/api\.github\.com\//);
  });

  test('refuses what it cannot trust: another repository’s workflow, no workflow, no token', () => {
    expect(() =>
      enableRequest({ ...RUNNER, GITHUB_WORKFLOW_REF: 'mallory/x/.github/workflows/nightly.yml@refs/heads/main' }),
    ).toThrow(/^GITHUB_WORKFLOW_REF: /);
    expect(() =>
      enableRequest({ ...RUNNER, GITHUB_WORKFLOW_REF: 'alice/daily-papers-archive/.github/workflows/../x.yml@main' }),
    ).toThrow(/^GITHUB_WORKFLOW_REF: /);
    expect(() => enableRequest({ ...RUNNER, GITHUB_WORKFLOW_REF: undefined })).toThrow(/^GITHUB_WORKFLOW_REF: /);
    expect(() => enableRequest({ ...RUNNER, GITHUB_REPOSITORY: 'alice' })).toThrow(/^GITHUB_REPOSITORY: /);
    expect(() => enableRequest({ ...RUNNER, GITHUB_TOKEN: '' })).toThrow(/GITHUB_TOKEN/);
  });
});

describe('sending it', () => {
  test('204 No Content: done, and the one request sent is the one built', async () => {
    const sent: { url: string; init: unknown }[] = [];
    const line = await keepAlive(RUNNER, async (url, init) => {
      sent.push({ url, init });
      return { status: 204, text: async () => '' };
    });
    expect(sent).toEqual([enableRequest(RUNNER)]);
    expect(line).toBe(
      're-enabled https://api.github.com/repos/alice/daily-papers-archive/actions/workflows/nightly.yml: the schedule stays on',
    );
  });

  test('any other answer fails with the status and GitHub’s words; a 403 names the missing permission', async () => {
    const answer = (status: number, body: string) => async () => ({ status, text: async () => body });
    await expect(
      keepAlive(RUNNER, answer(403, '{"message":"Resource not accessible by integration"}')),
    ).rejects.toThrow(
      /answered 403 \(does the job have `permissions: actions: write`\?\): \{"message":"Resource not accessible/,
    );
    await expect(keepAlive(RUNNER, answer(404, 'Not Found'))).rejects.toThrow(/answered 404: Not Found$/);
  });
});
