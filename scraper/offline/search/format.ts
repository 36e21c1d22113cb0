// Search results for a terminal or a program: pure, from the result data the site's engine
// gives (site-search.ts). On a terminal the words that matched are highlighted as the site marks
// them; elsewhere (a pipe, a file) the text is plain. --json gives one record per result.
import type { Found, ResultData } from './site-search.ts';

export type ResultRecord = {
  rank: number;
  id: string;
  title: string;
  date: string | null;
  upvotes: number | null;
  authors: string[];
  organization: string | null;
  /** The paper page's path under the site's base: "papers/2608.05987/". */
  page: string;
  excerpt: string;
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };

/** An excerpt (escaped text with <mark>, site/lib/search-excerpt.ts) as text; matches wrapped in `open`/`close`. */
export function excerptText(html: string, open = '', close = ''): string {
  const text = (part: string) =>
    part
      .replace(/<[^>]*>/g, '')
      .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? '')
      .replace(/\s+/g, ' ');
  const parts = html.split(/(<\/?mark>)/);
  return parts
    .map((part) => (part === '<mark>' ? open : part === '</mark>' ? close : text(part)))
    .join('')
    .trim();
}

export function resultRecord(data: ResultData, rank: number): ResultRecord {
  const id = data.meta['id'] ?? /papers\/([^/]+)\/?$/.exec(data.url)?.[1] ?? '';
  const upvotes = data.filters['upvotes']?.[0];
  return {
    rank,
    id,
    title: data.meta['title'] ?? id,
    date: data.filters['day']?.[0] ?? null,
    upvotes: upvotes === undefined ? null : Number(upvotes),
    authors: data.meta['authors'] ? data.meta['authors'].split(', ') : [],
    organization: data.meta['organization'] ?? null,
    page: `papers/${id}/`,
    excerpt: excerptText(data.excerpt),
  };
}

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const MARK = '\u001b[1;33m';
const RESET = '\u001b[0m';

function authorLine(authors: string[]): string {
  return authors.length <= 4 ? authors.join(', ') : `${authors.slice(0, 3).join(', ')} et al.`;
}

/** Results as lines for a person: rank, date, votes and title; authors; the excerpt. */
export function formatResults(found: Found, tty: boolean): string {
  const near = found.organizations?.near ?? [];
  const noOrganization =
    found.organizations && found.organizations.found.length === 0
      ? `No organization's name holds those words${near.length > 0 ? `; the nearest: ${near.join('; ')}` : ''}.\n`
      : '';
  if (found.total === 0) return `${noOrganization}No papers found.\n`;
  const style = (code: string, text: string) => (tty ? `${code}${text}${RESET}` : text);
  const lines: string[] = [];
  for (const [i, data] of found.results.entries()) {
    const r = resultRecord(data, i + 1);
    const votes = r.upvotes === null ? '' : `${r.upvotes} upvote${r.upvotes === 1 ? '' : 's'}`;
    const facts = [r.date ?? '', votes].filter(Boolean).join(' · ');
    lines.push(`${String(r.rank).padStart(3)}. ${style(BOLD, r.title)}`);
    lines.push(`     ${style(DIM, [facts, r.id].filter(Boolean).join(' · '))}`);
    if (r.authors.length > 0) lines.push(`     ${authorLine(r.authors)}`);
    const excerpt = tty ? excerptText(data.excerpt, MARK, RESET) : r.excerpt;
    if (excerpt) lines.push(`     ${excerpt}`);
    lines.push('');
  }
  const shown = found.results.length;
  const papers = `${found.total} paper${found.total === 1 ? '' : 's'}`;
  lines.push(shown < found.total ? `${shown} of ${papers} (--limit shows more)` : papers);
  const orgs = found.organizations?.found ?? [];
  if (orgs.length > 0)
    lines.push(
      `Organizations: ${orgs.slice(0, 10).join('; ')}${orgs.length > 10 ? ` and ${orgs.length - 10} more` : ''}`,
    );
  return `${lines.join('\n')}\n`;
}

/** --json: a line a result ({"type":"result", …}), then one of the whole ({"type":"summary", …}). */
export function formatJsonLines(found: Found): string {
  const lines = found.results.map((data, i) => JSON.stringify({ type: 'result', ...resultRecord(data, i + 1) }));
  const summary: Record<string, unknown> = { type: 'summary', total: found.total, shown: found.results.length };
  if (found.organizations) summary['organizations'] = found.organizations;
  lines.push(JSON.stringify(summary));
  return `${lines.join('\n')}\n`;
}
