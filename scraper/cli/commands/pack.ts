// `papers pack [--site dist] [--out FILE]`: the built archive as one .tar.gz or .zip that
// browses and searches opened straight from disk (scraper/offline/pack/).
import { z } from 'zod';
import { type Command, EXIT_OK } from '../command.ts';
import { opt } from '../options.ts';

export const packOptions = z.object({
  site: opt.path({ arg: 'DIR', default: './dist', help: 'the built site to pack (npm run build writes it)' }),
  out: opt.path({
    arg: 'FILE',
    defaultText: 'daily-papers-archive-<today>.tar.gz here',
    help: 'the file to write: .tar.gz, .tgz or .zip',
  }),
});

export const packCommand: Command<typeof packOptions> = {
  name: 'pack',
  summary: 'Pack a built archive into one file that works opened from disk.',
  usage: 'papers pack [options]',
  options: packOptions,
  details:
    'Unpacked, its index.html opens in a browser straight from disk (file://): every page and\n' +
    'the search work with no network and nothing installed. It also holds serve.mjs, for those\n' +
    'who would rather browse it over http (node serve.mjs).\n\n' +
    'Exit status: 0 when written, 1 when the site is missing or the file cannot be written,\n' +
    '2 on usage errors.',
  async run({ values }, io) {
    const path = await import('node:path');
    const out =
      values.out ?? path.resolve(io.cwd, `daily-papers-archive-${new Date().toISOString().slice(0, 10)}.tar.gz`);
    const [{ readBuiltSite }, { pack, packFormat, topFolderOf }] = await Promise.all([
      import('../../offline/built-site.ts'),
      import('../../offline/pack/pack.ts'),
    ]);
    packFormat(out); // a wrong name is told before anything is read

    const site = await readBuiltSite(values.site);
    const packed = await pack(site, out);
    const mb = (packed.bytes / 1e6).toFixed(1);
    io.stdout.write(`Packed ${site.root} into ${packed.file}: ${packed.files} files, ${mb} MB\n`);
    io.stdout.write(`Unpack it and open ${topFolderOf(out)}/index.html in a browser.\n`);
    return EXIT_OK;
  },
};
