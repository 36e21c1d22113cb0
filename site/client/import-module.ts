// A script module loaded at run time by its URL (Pagefind's, whose URL depends on the site's
// base). In a packed archive opened from disk (scraper/offline/pack/), no module can be loaded:
// the pack's shim then offers `papersImport`, which loads a classic copy of the script instead.
type DiskLoader = (url: string) => Promise<unknown>;

export function importModule(url: string): Promise<unknown> {
  const disk = (globalThis as { papersImport?: DiskLoader }).papersImport;
  return disk ? disk(url) : import(/* @vite-ignore */ url);
}
