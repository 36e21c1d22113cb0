// The README's option tables are what the commands' schemas render, so the README, --help and
// the code agree; `npm run docs` rewrites them when an option changes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownTable } from '../../../../scraper/cli/help.ts';
import { COMMANDS } from '../../../../scraper/cli/main.ts';
import { README, renderCliTables } from '../../../../scripts/docs/cli-tables.ts';

describe('README.md', () => {
  const readme = readFileSync(README, 'utf8');

  it("holds every command's option table as its schema renders it (else: npm run docs)", () => {
    expect(readme).toBe(renderCliTables(readme));
    for (const command of COMMANDS) {
      expect(readme).toContain(
        `<!-- papers ${command.name} options -->\n${markdownTable(command.options)}\n<!-- end -->`,
      );
    }
  });

  it('gets a stale table replaced and the prose around it kept', () => {
    const section = (name: string, body: string) => `<!-- papers ${name} options -->\n${body}<!-- end -->\n`;
    const stale = COMMANDS.map((c) => `Prose about ${c.name}.\n${section(c.name, '| old | table |\n')}`).join('\n');
    const fresh = COMMANDS.map(
      (c) => `Prose about ${c.name}.\n${section(c.name, `${markdownTable(c.options)}\n`)}`,
    ).join('\n');
    expect(renderCliTables(stale)).toBe(fresh);
    expect(renderCliTables(fresh)).toBe(fresh);
  });

  it('must have a section for every command', () => {
    expect(() => renderCliTables('no tables here')).toThrow(/README\.md has no "<!-- papers \w+ options -->"/);
  });
});
