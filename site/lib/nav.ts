// Which link of the site's navigation is the page the reader is on, for `aria-current`: "page"
// on the page itself, "true" on the section a page belongs to (a day, week or month page is part
// of the archive). Screen readers announce it, and the stylesheet marks it. Pure.
import type { SitePaths } from './paths.ts';

export type NavItem = 'home' | 'archive' | 'rising' | 'search';
export type Current = 'page' | 'true' | undefined;

/** The sections under the archive (their pages are reached from the calendar), and its index of papers. */
const ARCHIVE_SECTIONS = ['days/', 'weeks/', 'months/', 'top/', 'organizations/'];
const ARCHIVE_PAGES = ['papers/'];

export function navCurrent(
  pathname: string,
  paths: Pick<SitePaths, 'base' | 'home' | 'archive' | 'rising' | 'search'>,
): Record<NavItem, Current> {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  const rest = path.startsWith(paths.base) ? path.slice(paths.base.length) : '';
  return {
    home: path === paths.home ? 'page' : undefined,
    archive:
      path === paths.archive
        ? 'page'
        : ARCHIVE_SECTIONS.some((s) => rest.startsWith(s)) || ARCHIVE_PAGES.includes(rest)
          ? 'true'
          : undefined,
    rising: path === paths.rising ? 'page' : undefined,
    search: path === paths.search ? 'page' : undefined,
  };
}
