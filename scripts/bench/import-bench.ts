// Importing a folder of API answers into an empty archive, then again (nothing changes): the
// cost of seeding an archive, and of a nightly that re-reads days it already holds.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport } from '../../scraper/import/run-import.ts';
import { type Measure, measure } from './stats.ts';

async function dirBytes(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

export async function benchImport(input: string, runs: number): Promise<Measure[]> {
  const first: number[] = [];
  const again: number[] = [];
  let size = { files: 0, bytes: 0 };
  let days = 0;
  let papers = 0;
  let rejected = 0;
  for (let i = 0; i < runs; i++) {
    const content = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-import-'));
    try {
      let t = performance.now();
      const result = await runImport({ contentDir: content, inputs: [input] });
      first.push((performance.now() - t) / 1000);
      days = result.reports.length;
      papers = result.reports.reduce((n, r) => n + r.papers, 0);
      rejected = result.reports.reduce((n, r) => n + r.rejected.length, 0);
      size = await dirBytes(content);
      t = performance.now();
      await runImport({ contentDir: content, inputs: [input] });
      again.push((performance.now() - t) / 1000);
    } finally {
      await fs.rm(content, { recursive: true, force: true });
    }
  }
  const note = `${days} days, ${papers} papers, ${rejected} rejected; ${size.files} files, ${(size.bytes / 1e6).toFixed(1)} MB`;
  return [
    measure(`import ${days} days into an empty archive`, 's', first, note),
    measure(`import the same ${days} days again (no change)`, 's', again),
  ];
}
