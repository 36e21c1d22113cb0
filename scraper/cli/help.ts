// What a command's options look like to a reader: the rows of --help and the README's tables
// (`npm run docs`), both rendered from the options schema so that neither can drift from what
// the command accepts.
import { HELP_META, type OptionMeta, type OptionsSchema, optionsOf } from './options.ts';

export type HelpDoc = {
  /** `papers scrape [options]` */
  usage: string;
  summary: string;
  options: OptionsSchema;
  /** Paragraphs printed after the options. */
  details?: string;
};

export type OptionRow = { flag: string; text: string; section?: string };

/** The option as typed: `--timeout S`. */
function flagOf(name: string, meta: OptionMeta): string {
  return `--${name}${meta.arg ? ` ${meta.arg}` : ''}`;
}

/**
 * The help line with what the schema knows added: range, default, variable, repeatable. `code`
 * marks up literal values (backticks in markdown).
 */
export function describeOption(meta: OptionMeta, code: (s: string) => string = (s) => s): string {
  const notes: string[] = [];
  if (meta.range) notes.push(meta.range);
  if (meta.env) {
    const fallback = meta.shownDefault !== undefined ? code(meta.shownDefault) : meta.defaultText;
    notes.push(`default ${code(`$${meta.env}`)}${fallback ? `, else ${fallback}` : ''}`);
  } else if (meta.shownDefault !== undefined) notes.push(`default ${code(meta.shownDefault)}`);
  else if (meta.defaultText !== undefined) notes.push(`default: ${meta.defaultText}`);
  if (meta.multiple) notes.push('repeatable');
  return notes.length > 0 ? `${meta.help} (${notes.join('; ')})` : meta.help;
}

export function optionRows(schema: OptionsSchema, { withHelp = true } = {}): OptionRow[] {
  const entries = optionsOf(schema);
  if (withHelp) entries.push(['help', HELP_META]);
  return entries.map(([name, meta]) => ({
    flag: `${meta.short ? `-${meta.short}, ` : '    '}${flagOf(name, meta)}`,
    text: describeOption(meta),
    ...(meta.section ? { section: meta.section } : {}),
  }));
}

/** Help lines stay within this many columns; a longer option name puts its text below it. */
const LINE_WIDTH = 100;
const MAX_FLAG_WIDTH = 24;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Never between a number and its unit: "30 s" stays on one line.
  for (const word of text.split(/ (?!s\b)/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

export function helpText(doc: HelpDoc): string {
  const rows = optionRows(doc.options);
  const column = Math.min(MAX_FLAG_WIDTH, Math.max(...rows.map((r) => r.flag.length))) + 4;
  const indent = ' '.repeat(column);
  const lines = [`Usage: ${doc.usage}`, '', doc.summary, '', 'Options:'];
  for (const row of rows) {
    if (row.section) lines.push('', `${row.section}:`);
    const text = wrap(row.text, LINE_WIDTH - column);
    const head = `  ${row.flag}`;
    if (head.length + 2 > column) lines.push(head);
    else lines.push(`${head.padEnd(column)}${text.shift()}`);
    lines.push(...text.map((t) => `${indent}${t}`));
  }
  if (doc.details) lines.push('', doc.details);
  return `${lines.join('\n')}\n`;
}

const cell = (s: string) => s.replaceAll('|', '\\|');

/** The options as a markdown table (without --help, which every command has). */
export function markdownTable(schema: OptionsSchema): string {
  // A number reads better bare: "default 2", but "default `./content`".
  const code = (s: string) => (/^[\d.]+( s)?$/.test(s) ? s : `\`${s}\``);
  const rows = optionsOf(schema).map(
    ([name, meta]) => `| ${code(cell(flagOf(name, meta)))} | ${cell(describeOption(meta, code))} |`,
  );
  return ['| option | |', '| --- | --- |', ...rows].join('\n');
}
