// A paper's own page (/papers/<id>) and its text version (/papers/<id>.md). The page's
// `PaperContent` island holds the paper object the API gives for /api/papers/<id>.
import { escapeAttr, escapeText, island, page, scriptJson } from './html.ts';
import { asObject, paperAuthorNames, paperString, paperSummary, paperTitle } from './items.ts';

export type PaperInput = { id: string; item: unknown; date: string };

/** The paper object as /api/papers/<id> answers it: the item's `paper`, as stored. */
export function paperObject(item: unknown): Record<string, unknown> {
  return asObject(asObject(item)?.['paper']) ?? {};
}

function scholarlyArticle(id: string, paper: Record<string, unknown>): unknown {
  const published = paperString(paper, 'publishedAt');
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: paperTitle(paper),
    name: paperTitle(paper),
    abstract: paperSummary(paper),
    url: `https://huggingface.co/papers/${id}`,
    identifier: `arXiv:${id}`,
    sameAs: `https://arxiv.org/abs/${id}`,
    ...(published ? { datePublished: published } : {}),
    author: paperAuthorNames(paper).map((name) => ({ '@type': 'Person', name })),
    publisher: { '@type': 'Organization', name: 'Hugging Face', url: 'https://huggingface.co' },
  };
}

export function renderPaperPage(input: PaperInput): string {
  const paper = paperObject(input.item);
  const outer = asObject(input.item) ?? {};
  const title = paperTitle(paper);
  const authors = paperAuthorNames(paper)
    .map(
      (name) =>
        `<span class="inline-flex items-center"><a href="/papers?q=${escapeAttr(encodeURIComponent(name))}" class="whitespace-nowrap underline decoration-gray-300">${escapeText(name)}</a>,</span>`,
    )
    .join(' ');
  const github = paperString(paper, 'githubRepo');
  const project = paperString(paper, 'projectPage');
  const links =
    `<a href="https://arxiv.org/abs/${escapeAttr(input.id)}" class="btn inline-flex">View arXiv page</a>` +
    `<a href="https://arxiv.org/pdf/${escapeAttr(input.id)}" class="btn inline-flex">View PDF</a>` +
    (github ? `<a href="${escapeAttr(github)}" class="btn inline-flex" rel="nofollow">GitHub</a>` : '') +
    (project ? `<a href="${escapeAttr(project)}" class="btn inline-flex" rel="nofollow">Project page</a>` : '');
  const props = {
    paper,
    canReadDatabase: false,
    canManagePapers: false,
    canSubmit: false,
    hasHfLevelAccess: false,
    upvoted: false,
    upvoters: [],
    prefersRepoCard: false,
    dailyPaperDate: input.date,
    numComments: outer['numComments'] ?? 0,
    linkedModels: [],
    linkedDatasets: [],
    linkedSpaces: [],
    linkedCollections: [],
  };
  const inner =
    `<section class="pt-8 border-gray-100 md:col-span-7 pb-24 relative break-words copiable-code-container">` +
    `<div class="container"><div class="mb-4 text-sm text-gray-500">Published on ${escapeText((paperString(paper, 'publishedAt') ?? '').slice(0, 10))}` +
    ` · Submitted to Daily Papers on <a href="/papers/date/${input.date}" class="underline">${input.date}</a></div>` +
    `<h1 class="mb-2 text-2xl font-semibold sm:text-3xl lg:pr-6 lg:text-[2.22rem] lg:leading-[1.2]">${escapeText(title)}</h1>` +
    `<div class="mb-6 flex flex-wrap gap-1 text-gray-600">${authors}</div>` +
    `<div class="mb-6 flex flex-wrap gap-2">${links}</div>` +
    `<h2 class="mb-2 text-lg font-semibold">Abstract</h2>` +
    `<div class="pb-8 pr-4 md:pr-16"><p class="text-gray-600">${escapeText(paperSummary(paper))}</p></div>` +
    `</div></section>`;
  return page({
    title: `Paper page - ${title}`,
    description: `Join the discussion on this paper page`,
    path: `/papers/${input.id}`,
    bodyClass: 'PaperPage',
    head: `<script type="application/ld+json">${scriptJson(scholarlyArticle(input.id, paper))}</script>\n`,
    main: island('PaperContent', props, inner),
  });
}

/** The text version of a paper page. */
export function renderPaperMarkdown(input: PaperInput): string {
  const paper = paperObject(input.item);
  const lines = [
    `# ${paperTitle(paper)}`,
    '',
    `Authors: ${paperAuthorNames(paper).join(', ')}`,
    `Published: ${(paperString(paper, 'publishedAt') ?? '').slice(0, 10)}`,
    `Submitted to Daily Papers: ${input.date}`,
    `arXiv: https://arxiv.org/abs/${input.id}`,
  ];
  const github = paperString(paper, 'githubRepo');
  if (github) lines.push(`GitHub: ${github}`);
  const project = paperString(paper, 'projectPage');
  if (project) lines.push(`Project page: ${project}`);
  lines.push('', '## Abstract', '', paperSummary(paper));
  const aiSummary = paperString(paper, 'ai_summary');
  if (aiSummary) lines.push('', '## AI-generated summary', '', aiSummary);
  return `${lines.join('\n')}\n`;
}
