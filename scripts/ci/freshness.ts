// After the nightly: is the archive still fresh? `papers status --max-age 4` exits 1 when the
// newest day held is older than 4 days (or a day file does not read). The nightly can finish
// without an error and still add nothing: a Hugging Face that redirects every date to an old
// listing gives "no listing" days, not failures. So this step runs the check, hands its status
// on as the output `status-exit-code`, and passes, so that the site is still deployed; the
// workflow's verdict job (scripts/ci/nightly-verdict.sh) then fails the run, and the maintainer
// is told long before readers see the site's own staleness notice.
// Why 4 days: Monday's run finds Friday's listing 3 days old; one more day covers a holiday or a
// late run. Weekends and a one-day holiday never fail it; a second day without a new listing does.
//   node scripts/ci/freshness.ts
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../scraper/repo.ts';
import { appendToGitHubFile } from './github-env.ts';
import { runCommand } from './nightly.ts';

export const MAX_AGE_DAYS = 4;
export const STATUS_COMMAND = ['npm', 'run', 'papers', '--', 'status', '--max-age', String(MAX_AGE_DAYS)] as const;

export async function checkFreshness({
  env = process.env,
  cwd = REPO_ROOT,
  run = runCommand,
  log = (line: string) => console.log(line),
}: {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  run?: (command: readonly string[], cwd: string) => Promise<number>;
  log?: (line: string) => void;
} = {}): Promise<number> {
  log(`freshness: ${STATUS_COMMAND.join(' ')}`);
  const code = await run(STATUS_COMMAND, cwd);
  appendToGitHubFile('GITHUB_OUTPUT', { 'status-exit-code': String(code) }, env);
  log(
    code === 0
      ? `freshness: the newest day is at most ${MAX_AGE_DAYS} days old`
      : `freshness: papers status exited ${code}; the run will fail after the deploy`,
  );
  return code;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  checkFreshness().then(
    () => {
      process.exitCode = 0;
    },
    (error: Error) => {
      process.stderr.write(`freshness: ${error.message}\n`);
      process.exit(1);
    },
  );
}
