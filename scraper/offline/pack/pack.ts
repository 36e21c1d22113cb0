// `papers pack`: a built archive as one file a person downloads, unpacks and uses with nothing
// but a browser. The disk copy (disk-copy.ts) goes into a .tar.gz or .zip (archive-file.ts)
// under one top folder named after the file, so that unpacking never spills into the folder
// it is unpacked in.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError, UsageError } from '../../errors.ts';
import type { BuiltSite } from '../built-site.ts';
import { ARCHIVE_ENDING, type ArchiveFormat, formatOf, writeArchiveFile } from './archive-file.ts';
import { diskCopy } from './disk-copy.ts';

export type PackResult = { file: string; format: ArchiveFormat; files: number; bytes: number };

/** The folder inside the archive: the file's name without its extension. */
export function topFolderOf(file: string): string {
  return path.basename(file).replace(ARCHIVE_ENDING, '') || 'daily-papers-archive';
}

/** The format the file name asks for; any other name is a usage error. */
export function packFormat(out: string): ArchiveFormat {
  const format = formatOf(out);
  if (!format)
    throw new UsageError(`--out must end with .tar.gz, .tgz or .zip, not ${JSON.stringify(path.basename(out))}`);
  return format;
}

export async function pack(site: BuiltSite, out: string): Promise<PackResult> {
  const format = packFormat(out);
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
