// `papers serve [dir]`: a built archive on localhost, with nothing but this machine: the right
// media types (the search index's WebAssembly included), text compressed, no request of its own
// to anywhere, nothing from outside the folder, nothing for another host name (the server,
// scraper/offline/serve.ts, is the packed copy's serve.mjs too). It prints the URL and serves
// until Ctrl-C.
import { z } from 'zod';
import { normalizeBasePath } from '../../archive/links.ts';
import { type Command, EXIT_OK, UsageError } from '../command.ts';
import { opt } from '../options.ts';

export const serveOptions = z.object({
  port: opt.int({ min: 0, max: 65535, default: 4321, env: 'PORT', help: 'port to listen on; 0 picks a free one' }),
  host: opt.text({
    arg: 'HOST',
    default: '127.0.0.1',
    help: 'address to listen on (0.0.0.0: every network of this machine)',
  }),
  base: opt.text({
    arg: 'PATH',
    defaultText: 'the path the site was built for, read from its home page',
    help: 'the URL path the site is served under, e.g. /daily-papers-archive/',
  }),
});

export const serveCommand: Command<typeof serveOptions> = {
  name: 'serve',
  summary: 'Serve a built archive (default dist/) on localhost, offline.',
  usage: 'papers serve [options] [dir]',
  positionals: true,
  options: serveOptions,
  details:
    'The folder is a site built by `npm run build` (or unpacked from `papers pack`). It is served\n' +
    'under the base path it was built for, folders through their index.html, its own 404 page for\n' +
    'anything else, text compressed with brotli or gzip as the browser asks.\n\n' +
    'It serves only regular files inside the folder: a link that leads out of it, a FIFO or a\n' +
    'device is answered 404. It redirects only to paths of the site, and answers only requests\n' +
    'for localhost (or a name under .localhost), an IP address, or the --host name: any other\n' +
    'Host header (a web page whose name was pointed at this machine) gets 421.\n\n' +
    'Exit status: 0 when stopped (Ctrl-C), 1 when the folder holds no built site or the port is\n' +
    'taken, 2 on usage errors.',
  async run({ values, positionals }, io) {
    if (positionals.length > 1) throw new UsageError(`give one folder to serve, not ${positionals.length}`);
    const [{ readBuiltSite }, { serveStatic }] = await Promise.all([
      import('../../offline/built-site.ts'),
      import('../../offline/serve.ts'),
    ]);
    const path = await import('node:path');
    const site = await readBuiltSite(path.resolve(io.cwd, positionals[0] ?? 'dist'));
    let base = site.base;
    if (values.base !== undefined) {
      const given = normalizeBasePath(values.base);
      if (given === null)
        throw new UsageError(
          `--base must be a URL path such as /daily-papers-archive/, not ${JSON.stringify(values.base)}`,
        );
      base = given;
    }
    const server = await serveStatic({ root: site.root, base, port: values.port, host: values.host });
    io.stdout.write(`Serving ${site.root} at ${server.url}  (Ctrl-C to stop)\n`);
    await stopped(io.signal);
    await server.close();
    return EXIT_OK;
  },
};

/** Until the caller's signal, Ctrl-C or SIGTERM. */
function stopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    if (signal?.aborted) return resolve();
    signal?.addEventListener('abort', done, { once: true });
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
