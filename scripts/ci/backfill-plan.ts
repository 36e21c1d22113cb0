// Plans a backfill for the workflow: the range split into one shard per calendar month (the
// first and last months partial), printed as the JSON job matrix GitHub Actions takes, and with
// --github-output appended to $GITHUB_OUTPUT as `matrix=<json>` for the shard jobs to use.
//
//   node scripts/ci/backfill-plan.ts --from 2024-01-01 --to 2024-12-31 [--github-output]
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { utcToday } from '../../scraper/archive/index.ts';
import { UsageError } from '../../scraper/cli/command.ts';
import { opt } from '../../scraper/cli/options.ts';
import { MAX_SHARDS, monthShards, shardMatrix } from '../../scraper/nightly/backfill-plan.ts';
import { mainOf, type Script } from './script.ts';

const options = z.object({
  from: opt.date({ arg: 'D', help: 'first day of the backfill (required)' }),
  to: opt.date({ arg: 'D', help: 'last day of the backfill', defaultText: 'the latest UTC day' }),
  'github-output': opt.flag({ help: 'also append matrix=<json> to the file $GITHUB_OUTPUT names' }),
});

export const backfillPlan: Script<typeof options> = {
  name: 'backfill-plan',
  summary: 'Split a backfill into month shards: the job matrix, as JSON.',
  usage: '--from D [--to D] [--github-output]',
  details: `At most ${MAX_SHARDS} months; prints {"include":[{"name":"2026-06","from":"2026-06-15","to":"2026-06-30"},…]}.`,
  options,
  async run({ values }, io) {
    if (!values.from) throw new UsageError('--from is required');
    const today = utcToday();
    const to = values.to ?? today;
    if (to > today) throw new UsageError(`--to ${to} is in the future (today is ${today} UTC)`);
    const matrix = shardMatrix(monthShards(values.from, to));
    io.stdout.write(`${matrix}\n`);
    if (values['github-output']) {
      const file = io.env['GITHUB_OUTPUT'];
      if (!file) throw new UsageError('--github-output: $GITHUB_OUTPUT is not set');
      await fs.appendFile(file, `matrix=${matrix}\n`);
    }
    return 0;
  },
};

mainOf(import.meta, backfillPlan);
