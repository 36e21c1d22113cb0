// The URLs of the pages this part of the site adds (index pages, top papers, organizations, and
// the addresses in Hugging Face's own form that lead to ours), under the base path, built on
// lib/paths.ts.
import type { SitePaths } from './paths.ts';

export function indexPaths(paths: Pick<SitePaths, 'asset'>) {
  return {
    days: paths.asset('days/'),
    weeks: paths.asset('weeks/'),
    months: paths.asset('months/'),
    papers: paths.asset('papers/'),
    top: paths.asset('top/'),
    topYear: (year: string): string => paths.asset(`top/${year}/`),
    organizations: paths.asset('organizations/'),
    /** An organization's page; `slug` is URL-safe as lib/organizations.ts makes it. */
    organization: (slug: string): string => paths.asset(`organizations/${slug}/`),
  };
}
