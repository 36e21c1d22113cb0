// Pagefind's own search script and WebAssembly, of the version this repository installs, for
// `papers search` to read a built site's index with: a site's folder is data from wherever it
// came from (a packed copy someone sent), so its pagefind.js, like every script in it, is never
// run. The Pagefind package holds these files inside its binary, which hands them out with an
// index it writes; they are taken from a one-page index once (60 ms) and kept in the
// repository's node_modules/.cache, or held in memory where that cannot be written.
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import { REPO_ROOT } from '../../repo.ts';

/** The languages of WebAssembly a site's index may ask for: the build indexes in English. */
export const RUNTIME_LANGUAGES = ['en', 'unknown'] as const;

export type PagefindRuntime = {
  /** The Pagefind version these files are of, which an index must have been written by. */
  version: string;
  /** A URL the script can be imported from (a file, or data: when nothing could be kept). */
  scriptUrl: string;
  /** The WebAssembly by language ("en"), as an index's entry names it. */
  wasm: ReadonlyMap<string, Uint8Array>;
};

const SCRIPT = 'pagefind.js';
const wasmFile = (language: string) => `wasm.${language}.pagefind`;

/** The installed Pagefind's version, from its package (which does not export its package.json). */
export function installedPagefindVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.resolve('pagefind')));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The script and WebAssembly, from an index of one page that Pagefind's binary writes in memory. */
async function fromPagefind(): Promise<Map<string, Uint8Array>> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    await index.addCustomRecord({ url: '/', content: 'runtime', language: 'en' });
    const { files } = await index.getFiles();
    const wanted = new Set([SCRIPT, ...RUNTIME_LANGUAGES.map(wasmFile)]);
    const kept = new Map(files.filter((f) => wanted.has(f.path)).map((f) => [f.path, f.content]));
    for (const name of wanted) if (!kept.has(name)) throw new Error(`Pagefind gave no ${name}`);
    return kept;
  } finally {
    await pagefind.close();
  }
}

async function readKept(dir: string): Promise<Map<string, Uint8Array> | null> {
  const names = [SCRIPT, ...RUNTIME_LANGUAGES.map(wasmFile)];
  try {
    const files = await Promise.all(names.map((n) => fs.readFile(path.join(dir, n))));
    return new Map(names.map((n, i) => [n, files[i]!]));
  } catch {
    return null;
  }
}

/** Writes the files into `dir` whole or not at all: into a folder of their own, renamed into place. */
async function keep(dir: string, files: Map<string, Uint8Array>): Promise<boolean> {
  const staging = `${dir}.tmp-${process.pid}`;
  try {
    await fs.mkdir(staging, { recursive: true });
    for (const [name, bytes] of files) await fs.writeFile(path.join(staging, name), bytes);
    await fs.rename(staging, dir);
    return true;
  } catch {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => {});
    // Another search kept them first: theirs are as good.
    return (await readKept(dir)) !== null;
  }
}

const runtimes = new Map<string, Promise<PagefindRuntime>>();

/** The runtime of the installed Pagefind, made once per process and kept between runs under `cacheRoot`. */
export function pagefindRuntime(cacheRoot = path.join(REPO_ROOT, 'node_modules', '.cache')): Promise<PagefindRuntime> {
  const held = runtimes.get(cacheRoot);
  if (held) return held;
  const runtime = (async () => {
    const version = installedPagefindVersion();
    const dir = path.join(cacheRoot, 'daily-papers-archive', `pagefind-${version}`);
    let files = await readKept(dir);
    let scriptUrl = pathToFileURL(path.join(dir, SCRIPT)).href;
    if (!files) {
      files = await fromPagefind();
      if (!(await keep(dir, files))) {
        scriptUrl = `data:text/javascript;base64,${Buffer.from(files.get(SCRIPT)!).toString('base64')}`;
      }
    }
    const wasm = new Map(RUNTIME_LANGUAGES.map((l) => [l, files.get(wasmFile(l))!]));
    return { version, scriptUrl, wasm };
  })();
  runtimes.set(cacheRoot, runtime);
  runtime.catch(() => runtimes.delete(cacheRoot));
  return runtime;
}
