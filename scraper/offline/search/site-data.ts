// A built site's files as `papers search` reads them: data, from inside the site's folder only
// (scraper/archive/inside-file.ts: no link out of it, no FIFO or device, a bound on each). The
// site may be a dist/ folder or an unpacked packed copy, in which the search's data files are
// classic scripts that hand their bytes to the copy's shim (`papersDiskPut("<path>","<base64>")`,
// scraper/offline/pack/disk-copy.ts): those are read here as text of that one fixed shape, their
// bytes taken out, and never run.
import path from 'node:path';
import { readInside } from '../../archive/inside-file.ts';
import { InputError } from '../../errors.ts';
import type { BuiltSite } from '../built-site.ts';
import { DISK_DIR } from '../pack/disk-links.ts';

/**
 * The most one file of a site's search may hold: the largest, the full archive's paper table and
 * index metadata, are under 1 MB; a data script of the copy is a third bigger than its bytes.
 */
export const MAX_SITE_FILE_BYTES = 64 * 1024 * 1024;

/** A packed copy's data script: its one call, with the path it is for and the bytes in base64. */
const DATA_SCRIPT = /^papersDiskPut\(("(?:[^"\\\n]|\\.)*"),"([A-Za-z0-9+/]*={0,2})"\);\n?$/;

/** The bytes a packed copy's data script holds for `rel`, or an InputError naming the file. */
export function dataScriptBytes(text: string, rel: string, file: string): Uint8Array {
  const match = DATA_SCRIPT.exec(text);
  let named: unknown;
  try {
    named = match ? JSON.parse(match[1]!) : null;
  } catch {
    named = null;
  }
  if (!match || named !== rel) {
    throw new InputError(
      `${file}: is not a data file of a packed copy (papersDiskPut("${rel}", …)), so it is not read`,
    );
  }
  return Buffer.from(match[2]!, 'base64');
}

/** A site-relative path ("search/index.json") as a path under the site's folder, or null. */
function under(site: BuiltSite, rel: string): string | null {
  if (rel === '' || rel.includes('\0') || rel.split('/').some((part) => part === '..' || part === '.')) return null;
  return path.join(site.root, ...rel.split('/'));
}

/**
 * The bytes of the site's file `rel`: the file itself, else, in a packed copy, what its data
 * script holds; null when the site has neither. A file that is not a regular one inside the
 * site, or is too big, is an InputError naming it.
 */
export async function readSiteFile(site: BuiltSite, rel: string): Promise<Uint8Array | null> {
  const file = under(site, rel);
  if (file === null) return null;
  const plain = await readInside(site.root, file, MAX_SITE_FILE_BYTES);
  if (plain) return plain;
  const script = under(site, `${DISK_DIR}/data/${rel}.js`)!;
  const text = await readInside(site.root, script, MAX_SITE_FILE_BYTES);
  return text === null ? null : dataScriptBytes(text.toString('utf8'), rel, script);
}
