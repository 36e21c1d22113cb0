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

/** The top folder when the file's name cannot give one. */
export const DEFAULT_TOP_FOLDER = 'daily-papers-archive';

/**
 * A name that stays one folder wherever the archive is unpacked: not empty, not only dots and
 * spaces (".", "..", and what Windows trims to nothing), and free of what a path reads as a
 * separator, a drive or an end (slash, backslash, colon, control characters).
 */
const SAFE_FOLDER = /^(?![. ]*$)[^/\\:\p{Cc}]+$/u;

/**
 * The folder inside the archive: the file's name without its extension, or daily-papers-archive
 * when that is no safe folder name (`--out ..zip`, `--out ...tar.gz`). A fallback rather than a
 * usage error: the file's own name is one the user may well want (and the system took), only the
 * folder inside cannot carry it; the command says which folder to open, as it did for `.zip`.
 */
export function topFolderOf(file: string): string {
  const stem = path.basename(file).replace(ARCHIVE_ENDING, '');
  return SAFE_FOLDER.test(stem) ? stem : DEFAULT_TOP_FOLDER;
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
