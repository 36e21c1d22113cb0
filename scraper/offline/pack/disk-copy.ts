// The built site as a copy that works opened straight from disk, file by file, for the pack
// (pack.ts) to write into one archive file. What changes on the way (everything else is copied
// byte for byte):
//   - pages: links relative, folders as their index.html, scripts classic (disk-links.ts);
//   - the scripts those pages load: each bundled with what it imports into one classic script,
//     in place, since a module may not be loaded from file://;
//   - the search's data (the index, the paper records and table): each file as a classic script
//     that hands its bytes to the shim (_disk/data/<path>.js), instead of the file itself;
//   - added: the shim (_disk/disk.js, from disk-shim.ts), serve.mjs and README.txt.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from '../../repo.ts';
import type { BuiltSite } from '../built-site.ts';
import { mediaTypeTable } from '../media-types.ts';
import type { ArchiveEntry } from './archive-file.ts';
import { DISK_DIR, diskCss, diskPage } from './disk-links.ts';

/** Folders of the site whose files the search fetches (besides scripts): served from data scripts. */
export const DATA_PREFIXES = ['search/'];
const NOT_DATA = /\.(html|js|mjs|css)$/;

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every file under `root`, as paths relative to it with forward slashes, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

async function classicBundle(entry: string, options: esbuild.BuildOptions = {}): Promise<Uint8Array> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    ...options,
  });
  return result.outputFiles![0]!.contents;
}

/** The shim, compiled for the browser with this pack's settings. */
function shim(): Promise<Uint8Array> {
  return classicBundle(path.join(here, 'disk-shim.ts'), {
    define: {
      DATA_PREFIXES: JSON.stringify(DATA_PREFIXES),
      DISK_DIR: JSON.stringify(DISK_DIR),
      MEDIA_TYPES: JSON.stringify(mediaTypeTable()),
    },
  });
}

function dataScript(rel: string, bytes: Uint8Array): Uint8Array {
  return Buffer.from(`papersDiskPut(${JSON.stringify(rel)},"${Buffer.from(bytes).toString('base64')}");\n`);
}

/** The files of the disk copy, under `top/`, one at a time. */
export async function* diskCopy(site: BuiltSite, top: string): AsyncGenerator<ArchiveEntry> {
  const files = await listFiles(site.root);
  const scripts = new Set<string>();
  const at = (rel: string) => `${top}/${rel}`;
  for (const rel of files) {
    const file = path.join(site.root, rel);
    if (rel.endsWith('.html')) {
      const page = diskPage(await fs.readFile(file, 'utf8'), rel, site.base);
      for (const s of page.scripts) scripts.add(s);
      yield { path: at(rel), data: Buffer.from(page.html) };
    } else if (rel.endsWith('.css')) {
      yield { path: at(rel), data: Buffer.from(diskCss(await fs.readFile(file, 'utf8'), rel, site.base)) };
    } else if (DATA_PREFIXES.some((p) => rel.startsWith(p)) && !NOT_DATA.test(rel)) {
      yield { path: at(`${DISK_DIR}/data/${rel}.js`), data: dataScript(rel, await fs.readFile(file)) };
    } else if (!/\.(js|mjs)$/.test(rel)) {
      yield { path: at(rel), data: await fs.readFile(file) };
    }
  }
  // Scripts last: only now is it known which ones pages load as modules.
  for (const rel of files.filter((f) => /\.(js|mjs)$/.test(f))) {
    const file = path.join(site.root, rel);
    yield { path: at(rel), data: scripts.has(rel) ? await classicBundle(file) : await fs.readFile(file) };
  }
  yield { path: at(`${DISK_DIR}/disk.js`), data: await shim() };
  yield { path: at('serve.mjs'), data: Buffer.from(await serveScript()) };
  yield { path: at('README.txt'), data: Buffer.from(readme(top)) };
}

const SERVE_BANNER = [
  '// serve.mjs: this copy of the Daily Papers Archive over http, on this machine only.',
  '//   node serve.mjs [port]     (else $PORT, else 8000; 0 picks a free one), then open the URL it prints',
  '// It serves the folder it sits in and nothing outside it, and needs Node.js alone. `papers pack`',
  "// wrote it from the archive's own server (scraper/offline/serve.ts, pack/serve-mjs.ts).",
].join('\n');

/**
 * serve.mjs: serve-mjs.ts and the server of `papers serve` it runs, bundled into one ES module
 * that imports nothing but Node's own modules, left readable for whoever runs it.
 */
export async function serveScript(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(here, 'serve-mjs.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    write: false,
    metafile: true,
    logLevel: 'silent',
    banner: { js: SERVE_BANNER },
    // The comments naming each part's file then name it from the repository, not from where
    // the pack ran.
    absWorkingDir: REPO_ROOT,
  });
  // A package imported by the server one day would be bundled in, or left as an import that an
  // unpacked copy cannot satisfy: either way serve.mjs would no longer be the server alone.
  const output = Object.values(result.metafile.outputs)[0]!;
  const foreign = [
    ...output.imports.map((i) => i.path).filter((p) => !p.startsWith('node:')),
    ...Object.keys(result.metafile.inputs).filter((p) => p.includes('node_modules')),
  ];
  if (foreign.length) throw new Error(`serve.mjs must need Node.js alone, but it imports ${foreign.join(', ')}`);
  return result.outputFiles[0]!.text;
}

function readme(top: string): string {
  return [
    'Daily Papers Archive: a copy to keep',
    '',
    `Open ${top}/index.html in a browser: every page and the search work from disk,`,
    'with no network and nothing installed.',
    '',
    'To browse it over http instead (some browsers limit pages opened from disk):',
    '',
    `    node ${top}/serve.mjs          then open http://127.0.0.1:8000/`,
    '',
    'Paper thumbnails come from Hugging Face and show only when online.',
    '',
  ].join('\n');
}
