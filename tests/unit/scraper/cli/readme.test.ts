// The README's option tables are what the commands' schemas render, so the README, --help and
// the code agree; `npm run docs` rewrites them when an option changes.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownTable } from '../../../../scraper/cli/help.ts';
import { COMMANDS } from '../../../../scraper/cli/main.ts';
import { REPO_ROOT } from '../../../../scraper/repo.ts';
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

  // Machines have a Node older than 24 (20 here); the scripts are TypeScript that only Node 24
  // runs. A command run through npm (`npm run`, `npx node`, `npx papers`) gets the pinned Node.
  it('shows only commands that run on a Node older than 24, naming scripts and files that exist', () => {
    const code = [...readme.matchAll(/```sh\n([\s\S]*?)```|`([^`\n]+)`/g)].map((m) => m[1] ?? m[2]!);
    const commands = code.flatMap((block) => block.split('\n')).map((line) => line.replace(/#.*$/, '').trim());
    const scripts = Object.keys(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).scripts);
    const checked = { npmRun: 0, npxNode: 0 };
    for (const command of commands) {
      for (const m of command.matchAll(/(?:^|&&\s*|\|\|\s*|;\s*|\(\s*)node\s+(\S+\.ts)\b/g)) {
        expect.fail(`README runs ${m[1]} with the machine's node (use npx node): ${command}`);
      }
      for (const m of command.matchAll(/npm run (\w[\w:-]*)/g)) {
        expect(scripts, command).toContain(m[1]);
        checked.npmRun++;
      }
      for (const m of command.matchAll(/npx node (\S+\.ts)/g)) {
        expect(existsSync(path.join(REPO_ROOT, m[1]!)), command).toBe(true);
        checked.npxNode++;
      }
    }
    expect(checked.npmRun).toBeGreaterThan(30);
    expect(checked.npxNode).toBeGreaterThan(1);
  });
});
