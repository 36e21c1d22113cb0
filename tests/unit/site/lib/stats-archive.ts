// The archive the stats tests count (stats.test.ts, stats-tables.test.ts): eight papers over
// four months, made to sit on the periods' edges.
import type { Account, Day, Paper } from '../../../../scraper/archive/schema.ts';
import { dayRecord, paperRecord } from '../../../../scripts/fixtures/records.ts';

export const org = (handle: string, name: string): Account => ({ handle, name });
export const NVIDIA = org('nvidia', 'NVIDIA');
export const TENCENT = org('tencent', 'Tencent');
export const EVIL = org('evil', '=HYPERLINK("http://evil.example")');
export const paper = (id: string, upvotes: number, extra: Partial<Paper> = {}): Paper =>
  paperRecord(id, { upvotes, ...extra });
export const code = { githubRepo: 'https://github.com/example/code' };

// 29 Dec 2025 is the Monday of ISO week 2026-W01 but in 2025's fourth quarter; 31 Mar and 1 Apr
// 2026 share week 14 and sit in two quarters; weeks 2 to 13 and 15 and 16 hold no day.
export const ARCHIVE: Day[] = [
  dayRecord('2025-12-29', [paper('2512.00001', 3, { organization: NVIDIA, aiKeywords: ['LLM Agents'] })]),
  dayRecord('2026-01-02', [
    // Featured again, with more upvotes and a code link now: counted once, on its first day, with these.
    paper('2512.00001', 40, { ...code, organization: NVIDIA, aiKeywords: ['LLM Agents'] }),
    paper('2601.00002', 10, { organization: org('NVIDIA', 'NVIDIA'), aiKeywords: ['llm  agents', 'Vidéo generation'] }),
  ]),
  dayRecord('2026-03-31', [
    paper('2603.00003', 5, {
      ...code,
      organization: TENCENT,
      aiKeywords: ['LLM agents', 'video generation', 'Diffusion'],
    }),
  ]),
  dayRecord('2026-04-01', [paper('2604.00004', 7, { organization: EVIL, aiKeywords: ['diffusion', '=cmd|calc'] })]),
  dayRecord('2026-04-20', [
    paper('2604.00005', 1, { ...code, organization: TENCENT, aiKeywords: ['VIDEO GENERATION'] }),
    paper('2604.00006', 2, { aiKeywords: ['video generation', 'solo'] }),
  ]),
  dayRecord('2026-04-28', [
    paper('2604.00007', 100, { ...code, organization: NVIDIA, aiKeywords: ['New Thing', 'new thing'] }),
    paper('2604.00008', 3, { organization: TENCENT, aiKeywords: ['new thing'] }),
  ]),
];
