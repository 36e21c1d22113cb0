// The reading list and the keys (issue 23, asks 2 and 5) in Chromium on the fixture site: a star
// on a day page kept across a reload; /list/ listing it; each export downloaded and read by
// citation.js, compared with the archive (a card of 57 authors completed from its page, the
// hostile paper's text as text); an export imported into a cleared list, a bad file refused with
// the list unchanged; a shared link opened in a fresh browser, offering its papers and adding
// none unasked, its hostile fragment read as data; no star with JavaScript off; "New" on days
// newer than the last visit's; and the keys: / j k s ?, none while typing. One browser; each
// test its own context, so that storage starts empty.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LIST_KEY, LIST_SPARE_KEY } from '../../../site/client/list-store.ts';
import { arxivAbs, citeRecord } from '../../../site/lib/cite-formats.ts';
import { nameOf, readCitationFile } from '../../helpers/citation.ts';
import { seriousViolations } from './axe.ts';
import { fixtureDay, type ServedSite, serveFixtureSite, watch } from './site-helpers.ts';

let site: ServedSite;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  site = await serveFixtureSite();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await site?.close();
});

async function fresh(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await site.browser.newContext({ acceptDownloads: true, ...options });
  contexts.push(context);
  return context.newPage();
}

const DAY = '2026-07-29';
const MANY = { day: '2026-07-01', id: '2606.30534' }; // 57 authors: its card names the first 50
const HOSTILE = { day: '2026-07-30', id: '2607.99001' };
const paperOf = (day: string, id: string) => fixtureDay(day).papers.find((p) => p.id === id)!;

const star = (page: Page, id: string) => page.locator(`button[data-star="${id}"]`).first();
const pressed = (page: Page, id: string) => star(page, id).getAttribute('aria-pressed');
const listIds = (page: Page) =>
  page.$$eval('[data-items] li a.list-title', (as) =>
    as.map((a) => a.getAttribute('href')?.match(/papers\/([^/]+)\//)?.[1]),
  );

async function openList(page: Page, hash = ''): Promise<void> {
  await page.goto(site.at(`list/${hash}`));
  await page.waitForSelector('[data-list-app]:not([hidden])');
}

async function exported(page: Page, label: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `${label} file` }).click(),
  ]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

describe('the reading list', () => {
  let page: Page;
  let w: ReturnType<typeof watch>;
  const files: Record<string, { name: string; text: string }> = {};

  beforeAll(async () => {
    page = await fresh();
    w = watch(page, new URL(site.at()).origin);
  });

  test('a star on a day page: a named toggle, pressed once clicked, still pressed after a reload', async () => {
    await page.goto(site.at(`days/${DAY}/`));
    const first = fixtureDay(DAY).papers[0]!;
    const cards = await page.locator('article.card').count();
    expect(await page.locator('button[data-star]:visible').count()).toBe(cards);
    // The name stays the same whatever the state: "Star", then the card's title.
    const button = page.getByRole('button', { name: `Star ${first.rank}. ${first.title}`, exact: true });
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    const box = (await button.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    expect(await pressed(page, first.id)).toBe('true');
    expect(await pressed(page, fixtureDay(DAY).papers[1]!.id)).toBe('false');
    // The card of 57 authors and the hostile paper, from their days.
    for (const { day, id } of [MANY, HOSTILE]) {
      await page.goto(site.at(`days/${day}/`));
      await star(page, id).click();
      expect(await pressed(page, id)).toBe('true');
    }
  });

  test('/list/ lists them, the last starred first, each linked to its page; the hostile title as text', async () => {
    await openList(page);
    // The 57 authors' entry is completed from its page (read over http), whatever the card named.
    await page.waitForFunction(
      () => !document.querySelector('[data-items]')?.textContent?.includes('Not every author'),
    );
    expect(await listIds(page)).toEqual([HOSTILE.id, MANY.id, fixtureDay(DAY).papers[0]!.id]);
    const hostile = page.locator('[data-items] li').first().locator('a.list-title');
    expect(await hostile.textContent()).toBe(paperOf(HOSTILE.day, HOSTILE.id).title);
    expect(await hostile.getAttribute('href')).toBe(`${site.base}papers/${HOSTILE.id}/`);
    expect(await page.locator('[data-items] script, [data-items] img, [data-items] h1').count()).toBe(0);
  });

  test.each([
    ['BibTeX', 'reading-list.bib'],
    ['RIS', 'reading-list.ris'],
    ['CSL-JSON', 'reading-list.csl.json'],
  ])('exports %s: a download that citation.js reads as the archive has the papers', async (label, name) => {
    const file = await exported(page, label);
    files[label] = file;
    expect(file.name).toBe(name);
    const items = await readCitationFile(file.text);
    const ids = [HOSTILE, MANY, { day: DAY, id: fixtureDay(DAY).papers[0]!.id }];
    expect(items).toHaveLength(3);
    for (const { day, id } of ids) {
      const want = citeRecord(paperOf(day, id));
      const item = items.find((it) => it.URL === arxivAbs(id));
      expect(item, id).toBeDefined();
      // The hostile names' spelling through each format is cite-formats' own tests' (unit, with
      // citation.js); here, that the list's record holds them all, in order, and the others whole.
      if (id === HOSTILE.id) expect(item!.author, id).toHaveLength(want.authors.length);
      else expect([item!.title, (item!.author ?? []).map(nameOf)], id).toEqual([want.title, want.authors]);
      expect(item!.issued?.['date-parts']?.[0]?.[0], id).toBe(Number(want.year));
    }
    expect(items.find((it) => it.URL === arxivAbs(MANY.id))!.author).toHaveLength(57);
    expect(await page.locator('[data-status]').textContent()).toBe(`Exported 3 papers as ${label}.`);
  });

  test('clear asks first; an export imports back into the cleared list; a bad file changes nothing', async () => {
    await page.getByRole('button', { name: 'Clear the list…' }).click();
    expect(await page.locator('[data-clear-question]').textContent()).toBe('Remove all 3 papers from your list?');
    await page.getByRole('button', { name: 'Keep them' }).click();
    expect(await listIds(page)).toHaveLength(3);
    await page.getByRole('button', { name: 'Clear the list…' }).click();
    await page.getByRole('button', { name: 'Remove all' }).click();
    expect(await listIds(page)).toEqual([]);

    for (const label of ['RIS', 'BibTeX', 'CSL-JSON']) {
      const file = files[label]!;
      await page.setInputFiles('[data-import]', {
        name: file.name,
        mimeType: 'text/plain',
        buffer: Buffer.from(file.text),
      });
      await page.waitForFunction(() => /^Imported/.test(document.querySelector('[data-status]')?.textContent ?? ''));
      expect(await listIds(page)).toEqual([HOSTILE.id, MANY.id, fixtureDay(DAY).papers[0]!.id]);
    }
    expect(await page.locator('[data-status]').textContent()).toBe(
      'Imported reading-list.csl.json: 0 added, 3 already in the list.',
    );
    await page.setInputFiles('[data-import]', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('<b>hello</b>'),
    });
    await page.waitForFunction(() => /^Not imported/.test(document.querySelector('[data-status]')?.textContent ?? ''));
    expect(await page.locator('[data-status]').textContent()).toBe(
      'Not imported: notes.txt: not a BibTeX, RIS or CSL-JSON file. Your list is unchanged.',
    );
    expect(await listIds(page)).toHaveLength(3);
    // The list with its papers and Remove buttons, as axe reads it (the page's a11y test sees it empty).
    expect(await seriousViolations(page)).toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests.filter((u) => !u.includes('huggingface.co'))).toEqual([]);
  });

  test('a shared link opens in a fresh browser with its papers offered, added only when asked', async () => {
    await page.getByRole('button', { name: 'Make a link to share the list' }).click();
    const url = await page.locator('[data-share-url]').inputValue();
    expect(url).toBe(site.at(`list/#ids=${HOSTILE.id},${MANY.id},${fixtureDay(DAY).papers[0]!.id}`));

    const other = await fresh();
    await other.goto(url);
    await other.waitForSelector('[data-shared]:not([hidden])');
    await other.waitForFunction(() =>
      (document.querySelector('[data-shared-items]')?.textContent ?? '').includes('et al.'),
    );
    expect(await other.locator('[data-shared-note]').textContent()).toBe('This link shares 3 papers.');
    expect(await other.locator('[data-shared-items] a.list-title').first().textContent()).toBe(
      paperOf(HOSTILE.day, HOSTILE.id).title,
    );
    expect(await listIds(other)).toEqual([]); // nothing added unasked
    // The papers' pages slow to come: the button, clicked before they are read, still adds them all.
    await other.route('**/papers/*/', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await other.reload();
    // The offer is shown by the page's script once it runs: a click before that would go unheard.
    await other.waitForSelector('[data-shared]:not([hidden])');
    expect(await listIds(other)).toEqual([]);
    await other.getByRole('button', { name: 'Add them to your list' }).click();
    // The click waits for the papers' pages being read, if they still are (client/list-page.ts).
    await expect
      .poll(() => listIds(other), { timeout: 10_000 })
      .toEqual([HOSTILE.id, MANY.id, fixtureDay(DAY).papers[0]!.id]);
    expect(await other.locator('[data-status]').textContent()).toBe('Added 3 papers to your list.');
  });

  test('a hostile fragment is data: only arXiv ids are read, nothing of it becomes markup', async () => {
    const other = await fresh();
    const seen = watch(other, new URL(site.at()).origin);
    await openList(
      other,
      `#ids=<img src=x onerror=alert(1)>,%3Cscript%3Ealert(2)%3C/script%3E,javascript:alert(3),${MANY.id}`,
    );
    await other.waitForSelector('[data-shared]:not([hidden])');
    expect(await other.locator('[data-shared-note]').textContent()).toBe(
      'This link shares 1 paper. 3 entries that are not arXiv ids left out.',
    );
    expect(await other.locator('[data-shared-items] li').count()).toBe(1);
    expect(await other.locator('main img, main script').count()).toBe(0);
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
});

test('a list storage cannot read is set aside, not lost, and starring goes on', async () => {
  const page = await fresh();
  await page.goto(site.at(`days/${DAY}/`));
  await page.evaluate((key) => localStorage.setItem(key, '{"v":1,"items":[{"record":'), LIST_KEY);
  await page.reload();
  const id = fixtureDay(DAY).papers[0]!.id;
  expect(await pressed(page, id)).toBe('false');
  await star(page, id).click();
  expect(await pressed(page, id)).toBe('true');
  expect(await page.evaluate((key) => localStorage.getItem(key), LIST_SPARE_KEY)).toBe('{"v":1,"items":[{"record":');
  await openList(page);
  expect(await listIds(page)).toEqual([id]);
});

test('with JavaScript off no star is shown, and /list/ says it needs JavaScript', async () => {
  const page = await fresh({ javaScriptEnabled: false });
  await page.goto(site.at(`days/${DAY}/`));
  expect(await page.locator('button[data-star]').count()).toBeGreaterThan(0);
  expect(await page.locator('button[data-star]:visible').count()).toBe(0);
  await page.goto(site.at(`papers/${MANY.id}/`));
  expect(await page.locator('button[data-star]:visible').count()).toBe(0);
  await page.goto(site.at('list/'));
  expect(await page.locator('main button:visible, main input:visible').count()).toBe(0);
  expect(await page.locator('main').textContent()).toContain('needs JavaScript');
});

test('"New" marks the papers of days newer than the newest day the last visit saw', async () => {
  const first = await fresh();
  const marks = (p: Page) => p.locator('.card-title .new-mark').count();
  // A first visit: nothing to compare with, nothing marked; it saw 2026-07-29.
  await first.goto(site.at(`days/${DAY}/`));
  expect(await marks(first)).toBe(0);
  // A new visit (a new tab: a new session) shows the days after 2026-07-29 as new, the whole visit long.
  const visit = await first.context().newPage();
  await visit.goto(site.at('days/2026-08-05/'));
  expect(await marks(visit)).toBe(fixtureDay('2026-08-05').papers.length);
  expect(await visit.locator('.card-title .new-mark').first().textContent()).toBe('New since your last visit:');
  await visit.goto(site.at('days/2026-07-30/'));
  expect(await marks(visit)).toBe(fixtureDay('2026-07-30').papers.length);
  await visit.goto(site.at(`days/${DAY}/`));
  expect(await marks(visit)).toBe(0);
  // The visit after that saw 2026-08-05: nothing older is new any more.
  const next = await first.context().newPage();
  await next.goto(site.at('days/2026-07-30/'));
  expect(await marks(next)).toBe(0);
});

describe('keys', () => {
  let page: Page;
  const said = () => page.locator('[data-announce]').textContent();
  const focused = () =>
    page.evaluate(() => document.activeElement?.textContent?.trim() ?? document.activeElement?.tagName);

  beforeAll(async () => {
    page = await fresh();
    await page.goto(site.at(`days/${DAY}/`));
  });

  test('/ focuses the search box, and "j" typed there is a j', async () => {
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('j');
    expect(await page.locator('#site-search-q').inputValue()).toBe('j');
    await page.locator('#site-search-q').fill('');
    await page.locator('h1').click();
  });

  test('j and k move between the papers, focused, in view and announced; s stars the one focused', async () => {
    const papers = fixtureDay(DAY).papers;
    await page.keyboard.press('j');
    expect(await focused()).toBe(papers[0]!.title);
    expect(await said()).toBe(`Paper 1 of ${papers.length}: ${papers[0]!.title}`);
    await page.keyboard.press('j');
    expect(await focused()).toBe(papers[1]!.title);
    expect(
      await page.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }),
    ).toBe(true);
    await page.keyboard.press('k');
    expect(await focused()).toBe(papers[0]!.title);
    await page.keyboard.press('s');
    expect(await pressed(page, papers[0]!.id)).toBe('true');
    expect(await said()).toBe(`Starred: ${papers[0]!.title}`);
    await page.keyboard.press('s');
    expect(await pressed(page, papers[0]!.id)).toBe('false');
    expect(await said()).toBe(`Unstarred: ${papers[0]!.title}`);
    // With Ctrl the key is the browser's.
    await page.keyboard.press('Control+j');
    expect(await focused()).toBe(papers[0]!.title);
  });

  test('? lists the keys in a dialog that Escape closes, focus back where it was', async () => {
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.locator('dt').allTextContents()).toEqual(['/', 'j', 'k', 's', '?']);
    // axe on the open dialog and a pressed star (the first card's, starred again), in both themes.
    await page.evaluate(() => document.querySelector('button[data-star]')?.setAttribute('aria-pressed', 'true'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page, ['color-contrast'])).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    expect(await focused()).toBe(fixtureDay(DAY).papers[0]!.title);
    // The footer says the keys exist.
    expect(await page.getByRole('button', { name: 'Keyboard shortcuts (press ?)' }).isVisible()).toBe(true);
  });

  test('s on a paper page stars that paper', async () => {
    await page.goto(site.at(`papers/${MANY.id}/`));
    await page.keyboard.press('s');
    expect(await pressed(page, MANY.id)).toBe('true');
    expect(await page.getByRole('button', { name: 'Star', exact: true }).getAttribute('aria-pressed')).toBe('true');
  });
});
