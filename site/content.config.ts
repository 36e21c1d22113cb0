// The archive as Astro content collections: `days` (one entry per day file, its front matter
// checked against the archive's own DaySchema) and `ledger` (every date ever tried). The
// folder is $PAPERS_CONTENT, else ./content, as for the `papers` command.
import { defineCollection } from 'astro:content';
import { DaySchema, LedgerEntrySchema } from '../scraper/archive/index.ts';
import { dayFilesLoader, ledgerLoader } from './lib/loaders.ts';
import { siteOptions } from './lib/options.ts';

const { contentDir } = siteOptions();

export const collections = {
  days: defineCollection({ loader: dayFilesLoader(contentDir), schema: DaySchema }),
  ledger: defineCollection({ loader: ledgerLoader(contentDir), schema: LedgerEntrySchema }),
};
