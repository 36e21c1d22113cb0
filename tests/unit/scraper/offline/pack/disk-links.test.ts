// The pages of a packed archive: links under the site's base become relative to the page, a
// folder's URL names its index.html, module scripts become deferred classic ones, the disk shim
// comes first, and nothing else changes (links elsewhere, the canonical URL, text).
import { describe, expect, test } from 'vitest';
import { diskCss, diskPage, diskUrl, rootFrom } from '../../../../../scraper/offline/pack/disk-links.ts';
import { updatedStamp } from '../../../../../site/lib/updated-stamp.ts';

describe('diskUrl', () => {
  test.each([
    ['/dpa/', 'index.html', 'index.html'],
    ['/dpa/days/2026-08-07/', 'index.html', 'days/2026-08-07/index.html'],
    ['/dpa/days/2026-08-07/', 'papers/2608.05987/index.html', '../../days/2026-08-07/index.html'],
    ['/dpa/search/?q=video#r', 'days/x/index.html', '../../search/index.html?q=video#r'],
    ['/dpa/_astro/site.css', 'search/index.html', '../_astro/site.css'],
    ['/dpa/#top', 'index.html', 'index.html#top'],
  ])('%s from %s is %s', (url, page, expected) => {
    expect(diskUrl(url, page, '/dpa/')).toBe(expected);
  });

  test('URLs elsewhere are left alone', () => {
    for (const url of ['https://arxiv.org/abs/2608.05987', '/other/x', '//cdn.example/x.js', 'mailto:a@b'])
      expect(diskUrl(url, 'index.html', '/dpa/')).toBeNull();
  });

  test('a prefix keeps its slash: the search page adds paths to it', () => {
    expect(diskUrl('/dpa/', 'search/index.html', '/dpa/', false)).toBe('../');
    expect(diskUrl('/dpa/', 'index.html', '/dpa/', false)).toBe('./');
  });

  test('rootFrom counts the folders above a page', () => {
    expect(rootFrom('index.html')).toBe('');
    expect(rootFrom('papers/2608.05987/index.html')).toBe('../../');
  });
});

describe('diskPage', () => {
  const html = [
    '<!doctype html><html lang="en"><head><link rel="canonical" href="https://x.org/dpa/days/d/">',
    '<link rel="stylesheet" href="/dpa/_astro/site.css"><script type="module" src="/dpa/_astro/page.js"></script>',
    '</head><body><a href="/dpa/papers/2608.05987/">A &amp; B</a><a href="https://arxiv.org/abs/2608.05987">arXiv</a>',
    '<form action="/dpa/search/" data-base="/dpa/"><input name="q"></form><script>let a = "/dpa/x/";</script></body></html>',
  ].join('');

  test('links relative, scripts classic, the shim first, the rest as it was', () => {
    const page = diskPage(html, 'days/d/index.html', '/dpa/');
    expect(page.scripts).toEqual(['_astro/page.js']);
    expect(page.html).toBe(
      [
        '<!doctype html><html lang="en"><head><script src="../../_disk/disk.js" data-root="../../"></script>',
        '<link rel="canonical" href="https://x.org/dpa/days/d/">',
        '<link rel="stylesheet" href="../../_astro/site.css"><script defer src="../../_astro/page.js"></script>',
        '</head><body><a href="../../papers/2608.05987/index.html">A &amp; B</a><a href="https://arxiv.org/abs/2608.05987">arXiv</a>',
        '<form action="../../search/index.html" data-base="../../"><input name="q"></form><script>let a = "/dpa/x/";</script></body></html>',
      ].join(''),
    );
  });

  test('an inline module script is refused: it would not run from disk', () => {
    expect(() => diskPage('<head><script type="module">import "./x.js"</script></head>', 'index.html', '/')).toThrow(
      'index.html: an inline module script, which a disk copy cannot run',
    );
  });

  test('preloads go: a page on disk could only fail to fetch them', () => {
    const page = diskPage(
      '<head><link rel="modulepreload" href="/dpa/pagefind/pagefind.js"><link rel="preload" href="/dpa/pagefind/wasm.en.pagefind" as="fetch" crossorigin><link rel="icon" href="/dpa/favicon.svg"></head>',
      'search/index.html',
      '/dpa/',
    );
    expect(page.html).toBe(
      '<head><script src="../_disk/disk.js" data-root="../"></script><link rel="icon" href="../favicon.svg"></head>',
    );
  });

  test('a copy is a snapshot: its footer says so, and it never says the archive may have stopped', () => {
    const stamp = updatedStamp('2026-08-08T01:00:12.345Z');
    const notice =
      '<p class="stale-notice" role="status" data-stale-notice data-newest-day="2026-08-07" hidden><strong>This archive may have stopped updating.</strong> Its newest day is <a href="https://huggingface.co/papers">x</a>.</p>';
    const page = diskPage(`<head></head><main>${notice}<p>kept</p></main><footer>${stamp}</footer>`, 'index.html', '/');
    expect(page.html).not.toContain('stale-notice');
    expect(page.html).toContain('<main><p>kept</p></main>');
    expect(page.html).toContain(
      '<p class="updated">Snapshot of the archive as of <time datetime="2026-08-08T01:00:12.345Z">Sat 8 Aug 2026, 01:00 UTC</time>',
    );
  });

  test('an ampersand in a query stays escaped', () => {
    const page = diskPage('<head></head><a href="/search/?q=a&amp;sort=upvotes">x</a>', 'index.html', '/');
    expect(page.html).toContain('href="search/index.html?q=a&amp;sort=upvotes"');
  });
});

test("a stylesheet's url() under the base is relative to the stylesheet", () => {
  expect(
    diskCss('a{background:url(/dpa/img/a.svg)} b{background:url("https://x.org/b.png")}', '_astro/s.css', '/dpa/'),
  ).toBe('a{background:url(../img/a.svg)} b{background:url("https://x.org/b.png")}');
});
