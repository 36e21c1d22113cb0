// Where GitHub Pages publishes this repository's site, for the build (PAPERS_SITE_URL, the
// origin, and PAPERS_BASE, the path under it: see site/lib/options.ts). The site's canonical
// URLs, feeds, sitemap and every link depend on them, and a fork must get its own without
// editing a file, so they are worked out from $GITHUB_REPOSITORY:
//   owner/repo              a project site: https://owner.github.io and /repo/
//   owner/owner.github.io   the owner's user or organization site: https://owner.github.io and /
// The repository variables PAPERS_SITE_URL and PAPERS_BASE (passed in under the same names)
// override either; a site URL on another host (a custom domain) is served from its root, so the
// base is then / unless PAPERS_BASE says otherwise.
// Written to $GITHUB_ENV for the steps after; printed as well (and only, off GitHub Actions).
//   node scripts/ci/pages-env.ts
import { pathToFileURL } from 'node:url';
import { InputError } from '../../scraper/archive/index.ts';
import { normalizeBase, normalizeSiteUrl } from '../../site/lib/options.ts';
import { appendToGitHubFile } from './github-env.ts';

export type PagesEnv = { PAPERS_SITE_URL: string; PAPERS_BASE: string };

// GitHub's own rules for names: an owner is letters, digits and single hyphens; a repository
// name is letters, digits, ".", "_" and "-".
const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;

const given = (value: string | undefined): string | null => (value && value.trim() !== '' ? value : null);

export function pagesEnv(env: NodeJS.ProcessEnv): PagesEnv {
  const repository = env['GITHUB_REPOSITORY'] ?? '';
  const m = REPOSITORY.exec(repository);
  if (!m) throw new InputError(`GITHUB_REPOSITORY: ${JSON.stringify(repository)} is not "owner/name"`);
  // Pages host names are lower case, whatever the owner's spelling.
  const owner = m[1]!.toLowerCase();
  const name = m[2]!;
  const pagesOrigin = `https://${owner}.github.io`;

  const siteOverride = given(env['PAPERS_SITE_URL']);
  const siteUrl = siteOverride ? normalizeSiteUrl(siteOverride) : pagesOrigin;

  const baseOverride = given(env['PAPERS_BASE']);
  let base: string;
  if (baseOverride) base = normalizeBase(baseOverride);
  else if (siteUrl !== pagesOrigin)
    base = '/'; // a custom domain serves the site at its root
  else if (name.toLowerCase() === `${owner}.github.io`) base = '/';
  else base = normalizeBase(`/${name}/`, 'GITHUB_REPOSITORY');

  return { PAPERS_SITE_URL: siteUrl, PAPERS_BASE: base };
}

export function main(env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = console.log): void {
  const values = pagesEnv(env);
  appendToGitHubFile('GITHUB_ENV', values, env);
  for (const [k, v] of Object.entries(values)) out(`${k}=${v}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`pages-env: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
