// `papers pack`: a built archive as one file a person downloads, unpacks and uses with nothing
// but a browser. The disk copy (disk-copy.ts) goes into a .tar.gz or .zip (archive-file.ts)
// under one top folder named after the file, so that unpacking never spills into the folder
// it is unpacked in.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../errors.ts';
import type { BuiltSite } from '../built-site.ts';
import { type ArchiveFormat, formatOf, writeArchiveFile } from './archive-file.ts';
import { diskCopy } from './disk-copy.ts';

export type PackResult = { file: string; format: ArchiveFormat; files: number; bytes: number };

/** The folder inside the archive: the file's name without its extension. */
export function topFolderOf(file: string): string {
  return path.basename(file).replace(/\.(tar\.gz|tgz|zip)$/i, '') || 'daily-papers-archive';
}

export async function pack(site: BuiltSite, out: string): Promise<PackResult> {
  const format = formatOf(out);
  if (!format) throw new InputError(`${out}: the file name must end with .tar.gz, .tgz or .zip`);
  try {
    if ((await fs.stat(path.dirname(out))).isDirectory() === false) throw new Error();
  } catch {
    throw new InputError(`${out}: its folder ${path.dirname(out)} does not exist`);
  }
  // The build's own time: a pack of the same build is the same file.
  const mtime = (await fs.stat(path.join(site.root, 'index.html'))).mtimeMs;
  const written = await writeArchiveFile(out, format, diskCopy(site, topFolderOf(out)), mtime);
  return { file: out, format, ...written };
}
