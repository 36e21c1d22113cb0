// Keeps the nightly schedule from being switched off. GitHub disables a public repository's
// scheduled workflows after 60 days without activity in it, and an archive that changes nothing
// for two months (Hugging Face down, a long holiday) would then stop for good without a word.
// Each scheduled run therefore re-enables its own workflow through the REST API
// (PUT /repos/{owner}/{repo}/actions/workflows/{file}/enable, with the job's GITHUB_TOKEN and
// `actions: write`), which is what resets the inactivity timer: the approach of
// liskin/gh-workflow-keepalive, with no dummy commits. The workflow is named by the file in
// $GITHUB_WORKFLOW_REF ("owner/repo/.github/workflows/nightly.yml@refs/heads/main").
//   node scripts/ci/keepalive.ts
import { pathToFileURL } from 'node:url';

export type EnableRequest = { url: string; init: { method: 'PUT'; headers: Record<string, string> } };

/** The request that re-enables the running workflow, from the runner's environment. */
export function enableRequest(env: NodeJS.ProcessEnv): EnableRequest {
  const repository = env['GITHUB_REPOSITORY'] ?? '';
  const ref = env['GITHUB_WORKFLOW_REF'] ?? '';
  const token = env['GITHUB_TOKEN'] ?? '';
  const api = (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, '');
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
    throw new Error(`GITHUB_REPOSITORY: ${JSON.stringify(repository)} is not "owner/name"`);
  }
  const prefix = `${repository}/.github/workflows/`;
  const file = ref.startsWith(prefix) ? ref.slice(prefix.length).split('@')[0]! : '';
  if (!/^[\w.-]+\.ya?ml$/.test(file)) {
    throw new Error(`GITHUB_WORKFLOW_REF: ${JSON.stringify(ref)} names no workflow file of ${repository}`);
  }
  if (!token) throw new Error('GITHUB_TOKEN is not set: pass the job token (with actions: write) in the environment');
  return {
    url: `${api}/repos/${repository}/actions/workflows/${encodeURIComponent(file)}/enable`,
    init: {
      method: 'PUT',
      headers: {
        Accept: 'application/vnd.github+json',
        Authorization: `Bearer ${token}`,
        'X-GitHub-Api-Version': '2022-11-28',
        'User-Agent': 'daily-papers-archive-keepalive',
      },
    },
  };
}

type Fetch = (url: string, init: EnableRequest['init']) => Promise<{ status: number; text: () => Promise<string> }>;

/** Sends the request; GitHub answers 204 No Content. Anything else is an error that says why. */
export async function keepAlive(env: NodeJS.ProcessEnv, fetchImpl: Fetch = fetch): Promise<string> {
  const { url, init } = enableRequest(env);
  const response = await fetchImpl(url, init);
  if (response.status === 204) return `re-enabled ${url.replace(/\/enable$/, '')}: the schedule stays on`;
  const body = (await response.text()).slice(0, 300);
  const hint = response.status === 403 ? ' (does the job have `permissions: actions: write`?)' : '';
  throw new Error(`PUT ${url} answered ${response.status}${hint}: ${body}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  keepAlive(process.env).then(
    (line) => console.log(`keepalive: ${line}`),
    (error: Error) => {
      process.stderr.write(`keepalive: ${error.message}\n`);
      process.exit(1);
    },
  );
}
