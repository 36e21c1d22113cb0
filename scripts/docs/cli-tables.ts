// `npm run docs`: rewrites the option tables of the `papers` commands in README.md from the
// commands' options schemas, so that the README says what --help says and what the code does.
// Each table sits between `<!-- papers <command> options -->` and `<!-- end -->`; the prose
// around it is the README's own. A unit test fails while README.md differs from this output.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownTable } from '../../scraper/cli/help.ts';
import { COMMANDS } from '../../scraper/cli/main.ts';
import { REPO_ROOT } from '../../scraper/repo.ts';

export const README = path.join(REPO_ROOT, 'README.md');

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The README with every command's table rendered afresh; throws when a command has no markers. */
export function renderCliTables(readme: string): string {
  let out = readme;
  for (const command of COMMANDS) {
    const start = `<!-- papers ${command.name} options -->`;
    const section = new RegExp(`${literal(start)}\\n[\\s\\S]*?<!-- end -->`);
    if (!section.test(out)) throw new Error(`README.md has no "${start}" … "<!-- end -->" section`);
    out = out.replace(section, () => `${start}\n${markdownTable(command.options)}\n<!-- end -->`);
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const before = readFileSync(README, 'utf8');
  const after = renderCliTables(before);
  if (after === before) process.stdout.write('README.md: the option tables are up to date\n');
  else {
    writeFileSync(README, after);
    process.stdout.write('README.md: option tables rewritten from the command schemas\n');
  }
}
