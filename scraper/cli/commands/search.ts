// `papers search "query"`: the built site's own search (its engine and its index) run
// from the terminal, with no server and no network: the same results, in the same order, as
// the site's search box for the same words, filters and sort (scraper/offline/search/).
import { z } from 'zod';
import { type Command, EXIT_OK, UsageError } from '../command.ts';
import { opt } from '../options.ts';

export const searchOptions = z.object({
  site: opt.path({ arg: 'DIR', default: './dist', help: 'the built site whose index is searched' }),
  filter: opt.many(
    opt.text({
      arg: 'KEY=VALUE',
      help: 'narrow the search, as the search page does: author, year, month (YYYY-MM), organization (words of its name), keyword, code=yes',
    }),
  ),
  from: opt.text({ arg: 'DATE', help: 'papers first featured on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)' }),
  to: opt.text({ arg: 'DATE', help: 'papers first featured on or before DATE (YYYY-MM-DD, YYYY-MM or YYYY)' }),
  'min-upvotes': opt.int({ min: 0, max: 1_000_000, arg: 'N', help: 'papers with at least N upvotes' }),
  sort: opt.choice(['upvotes', 'newest', 'oldest'], { help: 'order the results (default: best match)' }),
  limit: opt.int({ min: 1, max: 1000, default: 10, help: 'results to print' }),
  json: opt.flag({ help: 'print JSON lines: one a result, then a summary' }),
  content: opt.path({
    arg: 'DIR',
    env: 'PAPERS_CONTENT',
    defaultText: './content, when the site was built from it',
    help: 'the archive the index must be as new as',
  }),
});

export const searchCommand: Command<typeof searchOptions> = {
  name: 'search',
  summary: "Search a built archive from the terminal, with the site's own index and ranking.",
  usage: 'papers search [options] <words…>',
  positionals: true,
  options: searchOptions,
  details:
    'Words are read as the search box reads them: an arXiv id or a link to a paper finds that\n' +
    "paper, a person's name finds their papers first. With no words, a filter or a sort alone\n" +
    'lists papers (e.g. --filter year=2025 --sort upvotes). Matches are highlighted on a terminal.\n\n' +
    'It runs no code of the site it searches (a copy from anyone is data): the engine is this\n' +
    "repository's, and the site gives only its index's data.\n\n" +
    'Exit status: 0 when searched (found or not), 1 when the site has no index, an index of\n' +
    'another format, or one older than the archive, 2 on usage errors.',
  async run({ values, positionals }, io) {
    const params = new URLSearchParams();
    const q = positionals.join(' ').trim();
    if (q) params.set('q', q);
    for (const given of values.filter) {
      const at = given.indexOf('=');
      if (at <= 0 || at === given.length - 1) {
        throw new UsageError(`--filter takes KEY=VALUE (e.g. year=2025), not ${JSON.stringify(given)}`);
      }
      params.set(given.slice(0, at).trim(), given.slice(at + 1).trim());
    }
    const { rangeDay } = await import('../../offline/search/site-search.ts');
    for (const end of ['from', 'to'] as const) {
      const given = values[end];
      if (given === undefined) continue;
      if (!rangeDay(given.trim(), end === 'to'))
        throw new UsageError(
          `--${end} must be a date YYYY-MM-DD, a month YYYY-MM or a year YYYY, not ${JSON.stringify(given)}`,
        );
      params.set(end, given.trim());
    }
    if (values['min-upvotes'] !== undefined) params.set('upvotes', String(values['min-upvotes']));
    if (values.sort) params.set('sort', values.sort);
    if ([...params.keys()].length === 0) throw new UsageError('give words to search for, a --filter or a --sort');

    const path = await import('node:path');
    const [{ readBuiltSite }, { checkIndexAge }, { searchSite, filterKeys }, format] = await Promise.all([
      import('../../offline/built-site.ts'),
      import('../../offline/search/index-age.ts'),
      import('../../offline/search/site-search.ts'),
      import('../../offline/search/format.ts'),
    ]);
    const site = await readBuiltSite(values.site);
    const keys = filterKeys();
    for (const key of params.keys()) {
      if (key !== 'q' && key !== 'sort' && !keys.includes(key))
        throw new UsageError(`--filter ${key}=…: no such filter; the filters are ${keys.join(', ')}`);
    }
    // The index's age is checked while it is searched: a stale index throws, and what was found
    // is never printed.
    const dir = values.content ?? path.resolve(io.cwd, 'content');
    const { promises: fs } = await import('node:fs');
    const held = await fs.stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    const [, found] = await Promise.all([
      checkIndexAge(site, { dir, named: values.content !== undefined, held }),
      searchSite(site, params, values.limit),
    ]);
    if (values.json) {
      io.stdout.write(format.formatJsonLines(found));
    } else {
      io.stdout.write(format.formatResults(found, io.stdout.isTTY === true && io.env['NO_COLOR'] === undefined));
    }
    return EXIT_OK;
  },
};
