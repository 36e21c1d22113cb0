// Small rules of the reading pages: which thumbnails load (site/lib/thumbnails.ts), what the
// 404 page reads in an address (site/lib/not-found.ts), which navigation link is current
// (site/lib/nav.ts).
import { describe, expect, test } from 'vitest';
import { navCurrent } from '../../../../site/lib/nav.ts';
import { arxivRefInPath, isHuggingFacePaperPath } from '../../../../site/lib/not-found.ts';
import { sitePaths } from '../../../../site/lib/paths.ts';
import { thumbnailSrc } from '../../../../site/lib/thumbnails.ts';

describe('thumbnails', () => {
  test('only https images on Hugging Face’s hosts load', () => {
    const ok = 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2608.05987.png';
    expect(thumbnailSrc(ok)).toBe(ok);
    expect(thumbnailSrc('https://cdn-uploads.huggingface.co/production/uploads/x/y.jpeg')).toMatch(/y\.jpeg$/);
    for (const bad of [
      null,
      '',
      'javascript:alert(7)',
      'http://cdn-thumbnails.huggingface.co/social-thumbnails/papers/1.png',
      'https://evil.example/cdn-thumbnails.huggingface.co/1.png',
      'https://cdn-thumbnails.huggingface.co.evil.example/1.png',
      'https://user:pw@cdn-thumbnails.huggingface.co/1.png',
      'https://cdn-thumbnails.huggingface.co:8443/1.png',
      'https://cdn-uploads.huggingface.co/production/uploads/x/video.mp4',
      'https://huggingface.co/papers/2608.05987',
      'not a url',
    ]) {
      expect(thumbnailSrc(bad), String(bad)).toBeNull();
    }
  });
});

describe('the 404 page’s reading of an address', () => {
  test('Hugging Face’s form of a paper’s address, under the base, is told from other addresses', () => {
    for (const path of ['/dpa/papers/2608.05987v2', '/dpa/papers/2608.05987v12/', '/dpa/papers/2608.05987']) {
      expect(isHuggingFacePaperPath(path, '/dpa/'), path).toBe(true);
    }
    for (const path of [
      '/papers/2608.05987v2', // outside the base
      '/dpa/abs/2608.05987v2',
      '/dpa/papers/2608.05987v2.pdf',
      '/dpa/papers/2608.05987v2/extra',
      '/dpa/papers/x2608.05987',
      '/dpa/papers/%E0%A4%A',
    ]) {
      expect(isHuggingFacePaperPath(path, '/dpa/'), path).toBe(false);
    }
  });

  test('an arXiv id, with its version, wherever it is in the path', () => {
    expect(arxivRefInPath('/dpa/papers/2608.05987v2')).toEqual({ id: '2608.05987', version: 'v2' });
    expect(arxivRefInPath('/papers/2608.05987')).toEqual({ id: '2608.05987', version: null });
    expect(arxivRefInPath('/abs/1501.0001v10/')).toEqual({ id: '1501.0001', version: 'v10' });
    expect(arxivRefInPath('/pdf/2608.05987v1.pdf')).toEqual({ id: '2608.05987', version: 'v1' });
    expect(arxivRefInPath('/papers%2F2608.05987')).toEqual({ id: '2608.05987', version: null });
  });

  test('nothing that only looks like one: dates, longer numbers, month 13', () => {
    expect(arxivRefInPath('/days/2026-08-07/')).toBeNull();
    expect(arxivRefInPath('/papers/12608.05987')).toBeNull();
    expect(arxivRefInPath('/papers/2613.05987')).toBeNull();
    expect(arxivRefInPath('/papers/2608.059871')).toBeNull();
    expect(arxivRefInPath('/%E0%A4%A')).toBeNull();
  });
});

describe('navigation', () => {
  const paths = sitePaths('/dpa/');
  test('the page itself is "page", a part of the archive is "true", elsewhere nothing', () => {
    expect(navCurrent('/dpa/', paths)).toEqual({
      home: 'page',
      archive: undefined,
      rising: undefined,
      search: undefined,
    });
    expect(navCurrent('/dpa/rising/', paths).rising).toBe('page');
    expect(navCurrent('/dpa/archive/', paths).archive).toBe('page');
    expect(navCurrent('/dpa/search', paths).search).toBe('page');
    expect(navCurrent('/dpa/days/2026-08-07/', paths).archive).toBe('true');
    expect(navCurrent('/dpa/top/2026/', paths).archive).toBe('true');
    expect(navCurrent('/dpa/papers/', paths).archive).toBe('true');
    expect(navCurrent('/dpa/organizations/', paths).archive).toBe('true');
    expect(navCurrent('/dpa/organizations/nvidia/', paths).archive).toBe('true');
    expect(navCurrent('/dpa/papers/2608.05987/', paths)).toEqual({
      home: undefined,
      archive: undefined,
      rising: undefined,
      search: undefined,
    });
  });
});
