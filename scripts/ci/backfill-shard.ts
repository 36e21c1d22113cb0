// One shard of a backfill, for a job of the workflow's matrix: `papers scrape` of the shard's
// days into its own archive folder (uploaded as an artifact and merged by backfill-merge.ts).
// Through the JSON API by default (--source api), paced at its published rate. A shard that
// failed some days keeps what it got: the folder is written as days come, and the exit status
// (1) is told only after.
//
//   node scripts/ci/backfill-shard.ts --from 2026-06-01 --to 2026-06-30 --out shard [scrape options]
import { z } from 'zod';
import { UsageError } from '../../scraper/cli/command.ts';
import { main } from '../../scraper/cli/main.ts';
import { opt } from '../../scraper/cli/options.ts';
import { mainOf, type Script } from './script.ts';

/** This script's own options; every other word goes to `papers scrape` as it is. */
const OWN = ['from', 'to', 'out', 'help'];
/** Scrape options that would fight the shard's own: its days and its folder. */
const TAKEN = ['content', 'date', 'last'];

const options = z.object({
  from: opt.date({ arg: 'D', help: 'first day of the shard (required)' }),
  to: opt.date({ arg: 'D', help: 'last day of the shard (required)' }),
  out: opt.path({ arg: 'DIR', help: 'the archive folder the shard is scraped into (required)' }),
});

/** The words of `argv` that are this script's options, and the rest, for `papers scrape`. */
export function splitShardArgs(argv: readonly string[]): { own: string[]; rest: string[] } {
  const own: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    const m = /^--([a-z-]+)(=.*)?$/.exec(word);
    const name = word === '-h' ? 'help' : m?.[1];
    if (name && OWN.includes(name)) {
      own.push(word);
      // `--from D`: the value is the next word (parse.ts says so when it is missing).
      if (name !== 'help' && m?.[2] === undefined && i + 1 < argv.length) own.push(argv[++i]!);
    } else if (name && TAKEN.includes(name)) {
      throw new UsageError(`--${name} is not for a shard: it scrapes --from … --to into --out`);
    } else rest.push(word);
  }
  return { own, rest };
}

export const backfillShard: Script<typeof options> = {
  name: 'backfill-shard',
  summary: "Scrape one shard of a backfill into its own archive folder (`papers scrape` of the shard's days).",
  usage: '--from D --to D --out DIR [papers scrape options]',
  details:
    'Other options go to `papers scrape` as given (--source api unless given, --rate, --retries,\n' +
    '--only-missing…). Exit status: that of `papers scrape` (1 when some day failed, after every\n' +
    'other day was written).',
  options,
  split: splitShardArgs,
  async run({ values, positionals: scrapeArgs }, io) {
    const { from, to, out } = values;
    if (!from || !to || !out) throw new UsageError('give --from, --to and --out');
    if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
    const given = scrapeArgs.some((w) => w === '--source' || w.startsWith('--source='));
    return main(
      ['scrape', '--from', from, '--to', to, '--content', out, ...(given ? [] : ['--source', 'api']), ...scrapeArgs],
      io,
    );
  },
};

mainOf(import.meta, backfillShard);
