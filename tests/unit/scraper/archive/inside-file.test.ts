// Files of a folder from elsewhere are read only when they are regular files inside it, within
// their bound: a link out of the folder, a FIFO (which would block a reader for ever) and a
// device (which would never end) are refused before anything is read from them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInside, openInside, readInside } from '../../../../scraper/archive/inside-file.ts';
import { tempDir } from '../../../helpers/temp.ts';

function folder(): { root: string; outside: string } {
  const top = tempDir();
  const root = path.join(top, 'archive');
  mkdirSync(path.join(root, 'days'), { recursive: true });
  const outside = path.join(top, 'secret.txt');
  writeFileSync(outside, 'password');
  return { root, outside };
}

describe('readInside', () => {
  it('reads a regular file, and through a link that stays inside the folder', async () => {
    const { root } = folder();
    writeFileSync(path.join(root, 'days', 'a.md'), 'hello');
    symlinkSync('a.md', path.join(root, 'days', 'b.md'));
    expect((await readInside(root, path.join(root, 'days', 'a.md'), 100))?.toString()).toBe('hello');
    expect((await readInside(root, path.join(root, 'days', 'b.md'), 100))?.toString()).toBe('hello');
  });

  it('answers null for nothing there', async () => {
    const { root } = folder();
    expect(await readInside(root, path.join(root, 'days', 'none.md'), 100)).toBeNull();
    expect(await readInside(root, path.join(root, 'none', 'none.md'), 100)).toBeNull();
  });

  it('refuses a link that leads out of the folder, naming where it leads', async () => {
    const { root, outside } = folder();
    const link = path.join(root, 'days', 'passwd.md');
    symlinkSync(outside, link);
    await expect(readInside(root, link, 100)).rejects.toThrow(`${link}: leads out of ${root} (to ${outside})`);
    // A linked folder is no way out either.
    symlinkSync(path.dirname(outside), path.join(root, 'up'));
    await expect(readInside(root, path.join(root, 'up', 'secret.txt'), 100)).rejects.toThrow(/leads out of/);
  });

  it('refuses a FIFO before opening it (opening one blocks until a writer comes)', async () => {
    const { root } = folder();
    const fifo = path.join(root, 'days', 'fifo.md');
    execFileSync('mkfifo', [fifo]);
    await expect(readInside(root, fifo, 100)).rejects.toThrow(`${fifo}: is a named pipe (FIFO), not a file`);
    await expect(checkInside(root, fifo)).rejects.toThrow(/named pipe/);
  });

  it('refuses a device linked into the folder (/dev/zero never ends)', async () => {
    const { root } = folder();
    const zero = path.join(root, 'days', 'zero.md');
    symlinkSync('/dev/zero', zero);
    // Out of the folder first; with the whole file system as the folder, a device.
    await expect(readInside(root, zero, 100)).rejects.toThrow(/leads out of/);
    await expect(readInside('/', zero, 100)).rejects.toThrow(`${zero}: is a device, not a file`);
  });

  it('refuses a file over its bound by its size, before reading it', async () => {
    const { root } = folder();
    const big = path.join(root, 'days', 'big.md');
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024 + 1));
    await expect(readInside(root, big, 2 * 1024 * 1024)).rejects.toThrow(
      `${big}: is 2.0 MB, more than such a file may be (2.0 MB)`,
    );
  });

  it('opens what it checked: the handle is of a regular file, and a folder is named as one', async () => {
    const { root } = folder();
    writeFileSync(path.join(root, 'days', 'a.md'), 'x');
    const opened = await openInside(root, path.join(root, 'days', 'a.md'));
    expect(opened?.stat.isFile()).toBe(true);
    await opened?.handle.close();
    await expect(openInside(root, path.join(root, 'days'))).rejects.toThrow(/is a folder, not a file/);
  });
});
