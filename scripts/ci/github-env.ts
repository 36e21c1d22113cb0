// What a step hands to the steps and jobs after it: lines appended to the files GitHub Actions
// names in $GITHUB_ENV (variables for the next steps) and $GITHUB_OUTPUT (the step's outputs).
// Every value is written in the documented `name<<DELIMITER` form with a random delimiter, so a
// value (a repository variable, a path) can never add a line of its own, such as another
// variable. Off GitHub Actions the files are not named: the caller prints instead.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

export type GitHubFile = 'GITHUB_ENV' | 'GITHUB_OUTPUT';

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** One `name<<DELIMITER` entry, ready to append. */
export function fileEntry(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (!NAME.test(name)) throw new Error(`${JSON.stringify(name)} is not a variable or output name`);
  if (value.includes(delimiter)) throw new Error(`the value of ${name} holds its delimiter`);
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/** The entries of such a file, as GitHub reads them (both the `name=value` and the `<<` form). */
export function parseFileEntries(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`no closing delimiter for ${heredoc[1]}`);
      out[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else {
      const eq = line.indexOf('=');
      if (eq < 0) throw new Error(`not an entry: ${JSON.stringify(line)}`);
      out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}

/**
 * Appends the entries to the file $GITHUB_ENV or $GITHUB_OUTPUT names. False when there is no
 * such file (not on GitHub Actions), and nothing is written.
 */
export function appendToGitHubFile(
  file: GitHubFile,
  entries: Record<string, string>,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const target = env[file];
  if (!target) return false;
  appendFileSync(
    target,
    Object.entries(entries)
      .map(([name, value]) => fileEntry(name, value))
      .join(''),
  );
  return true;
}
