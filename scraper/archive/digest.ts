// The markdown body of a day file: a digest of the front matter for people reading the file on
// GitHub. It is generated from the records and never parsed back. Text goes in as mdast text
// nodes, so remark escapes whatever markup a title or abstract holds.
import { remark } from 'remark';
import { arxivAbsUrl, isHttpUrl } from './links.ts';
import type { Day, Paper } from './schema.ts';

type Node = { type: string; [key: string]: unknown };

const processor = remark();
const text = (value: string): Node => ({ type: 'text', value });
const link = (url: string, label: string): Node => ({ type: 'link', url, children: [text(label)] });
const paragraph = (...children: Node[]): Node => ({ type: 'paragraph', children });

const AUTHORS_SHOWN = 8;

function joinInline(parts: Node[][], separator = ' · '): Node[] {
  return parts.flatMap((part, i) => (i === 0 ? part : [text(separator), ...part]));
}

function paperNodes(paper: Paper): Node[] {
  const facts: Node[][] = [
    [link(arxivAbsUrl(paper.id), `arXiv ${paper.id}`)],
    [text(`${paper.upvotes} upvote${paper.upvotes === 1 ? '' : 's'}`)],
    [text(`${paper.comments} comment${paper.comments === 1 ? '' : 's'}`)],
  ];
  if (paper.organization) facts.push([text(paper.organization.name)]);
  if (paper.githubRepo && isHttpUrl(paper.githubRepo)) {
    const stars = paper.githubStars === null ? '' : ` (${paper.githubStars} stars)`;
    facts.push([link(paper.githubRepo, `code${stars}`)]);
  }
  if (paper.projectPage && isHttpUrl(paper.projectPage)) facts.push([link(paper.projectPage, 'project page')]);
  if (paper.withdrawnAt) facts.push([text(`withdrawn ${paper.withdrawnAt.slice(0, 10)}`)]);

  const authors =
    paper.authors.length > AUTHORS_SHOWN
      ? `${paper.authors.slice(0, AUTHORS_SHOWN).join(', ')} and ${paper.authors.length - AUTHORS_SHOWN} more`
      : paper.authors.join(', ');

  const nodes: Node[] = [
    { type: 'heading', depth: 2, children: [text(`${paper.rank}. ${paper.title}`)] },
    paragraph(...joinInline(facts)),
  ];
  if (authors) nodes.push(paragraph(text(authors)));
  const abstract = paper.abstract.split('\n\n').filter(Boolean);
  if (abstract.length > 0) {
    nodes.push({ type: 'blockquote', children: abstract.map((p) => paragraph(text(p))) });
  }
  return nodes;
}

export function renderDigest(day: Day): string {
  const n = day.papers.length;
  const intro = [text(`${n} paper${n === 1 ? '' : 's'} featured on Hugging Face Daily Papers, in listing order`)];
  const tree: Node = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [text(`Daily Papers, ${day.date}`)] },
      paragraph(...intro, text('.')),
      ...(day.status === 'partial' ? [paragraph(text(`Partial listing: ${day.problems.join('; ')}`))] : []),
      ...day.papers.flatMap(paperNodes),
    ],
  };
  return processor.stringify(tree as never);
}
