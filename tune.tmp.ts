import { readArchive } from './scraper/archive/index.ts';
import { searchSite } from './scraper/offline/search/site-search.ts';
const TOPICS = ['video generation','diffusion','reinforcement learning','world model','speculative decoding','mixture of experts','agent','code generation','multimodal reasoning','text-to-image','3D reconstruction','robot manipulation','long context','retrieval augmented generation','vision language model','reward model','image editing','speech','benchmark','quantization'];
const words = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const same = (a: string, b: string) => { if (a === b) return true; const [s, l] = a.length < b.length ? [a, b] : [b, a]; return l === `${s}s` || l === `${s}es`; };
const { days } = await readArchive('/work/full/content');
const papers = new Map<string, { title: string; aiKeywords: string[]; upvotes: number }>();
for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) for (const p of d.papers) papers.set(p.id, p);
const holds = (q: string, p: { title: string; aiKeywords: string[] }) => { const h = words([p.title, ...p.aiKeywords].join(' ')); return words(q).every((w) => h.some((x) => same(x, w))); };
const site = { root: process.argv[2] ?? '/work/full/dist-new', base: '/' };
let shares = 0; const meds: number[] = [];
for (const q of TOPICS) {
  const found = await searchSite(site, new URLSearchParams({ q }), 10);
  const ps = found.results.map((r) => papers.get(r.meta['id']!)!);
  const on = ps.filter((p) => holds(q, p)).length;
  const ups = ps.map((p) => p.upvotes).sort((a, b) => a - b);
  const med = ups.length ? (ups[(ups.length - 1) >> 1]! + ups[ups.length >> 1]!) / 2 : 0;
  shares += on / 10; meds.push(med);
  console.log(q.padEnd(32), String(found.total).padStart(5), `${on}/10`, `median ${med}`, found.results.slice(0,3).map(r=>r.filters['day']![0]).join(' '));
}
meds.sort((a, b) => a - b);
console.log('mean share', (shares / TOPICS.length).toFixed(2), 'median of medians', meds[(meds.length - 1) >> 1], meds[meds.length >> 1]);
