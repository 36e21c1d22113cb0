// The paper page's "Cite" block (site/components/CiteBlock.astro, client/copy.ts): BibTeX and a
// plain reference, each copied to the clipboard by its button; without JavaScript no button, the
// text to select; an RIS file to download for a reference manager. One browser context with
// JavaScript (clipboard allowed) and one without.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureDay, type ServedSite, serveFixtureSite } from './site-helpers.ts';

let site: ServedSite;
let withJs: BrowserContext;
let withoutJs: BrowserContext;
const paper = () => fixtureDay('2026-08-05').papers[0]!;

beforeAll(async () => {
  site = await serveFixtureSite();
  withJs = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  withoutJs = await site.browser.newContext({ javaScriptEnabled: false });
});
afterAll(async () => {
  await site?.close();
});

describe('the Cite block', () => {
  test('each copy button puts its text on the clipboard and says so', async () => {
    const page = await withJs.newPage();
    await page.goto(site.at(`papers/${paper().id}/`));
    const bibtex = page.locator('button[data-copy="cite-bibtex"]');
    const reference = page.locator('button[data-copy="cite-text"]');
    expect(await bibtex.isVisible()).toBe(true);
    expect(await bibtex.textContent()).toBe('Copy BibTeX');

    await bibtex.click();
    const bib = await page.evaluate(() => navigator.clipboard.readText());
    expect(bib).toBe(await page.locator('pre.bibtex').textContent());
    expect(bib).toMatch(/^@misc\{wang2026agentopsd,\n/);
    expect(await bibtex.textContent()).toBe('Copied ✓');
    expect(await page.locator('[data-copy-status]').textContent()).toBe('BibTeX: Copied.');

    await reference.click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toBe(
      `${paper().authors.slice(0, 10).join(', ')}, et al. 2026. ${paper().title}. arXiv:${paper().id}. https://arxiv.org/abs/${paper().id}`,
    );
    // The label comes back.
    await page.waitForFunction(
      () => document.querySelector('button[data-copy="cite-bibtex"]')?.textContent === 'Copy BibTeX',
    );
    await page.close();
  });

  test('without JavaScript there is no button, and the text is there to select', async () => {
    const page = await withoutJs.newPage();
    await page.goto(site.at(`papers/${paper().id}/`));
    expect(await page.locator('button[data-copy]').count()).toBe(2);
    expect(await page.locator('button[data-copy]:visible').count()).toBe(0);
    const selected = await page.evaluate(() => {
      const pre = document.querySelector('pre.reference')!;
      const range = document.createRange();
      range.selectNodeContents(pre);
      getSelection()!.addRange(range);
      return { text: String(getSelection()), userSelect: getComputedStyle(pre).userSelect };
    });
    expect(selected.text).toContain(`arXiv:${paper().id}.`);
    expect(selected.userSelect).not.toBe('none');
    await page.close();
  });

  test('the RIS link downloads a record Zotero, EndNote and Mendeley read', async () => {
    const page = await withJs.newPage();
    await page.goto(site.at(`papers/${paper().id}/`));
    const link = page.locator('a[download]');
    expect(await link.getAttribute('download')).toBe(`${paper().id}.ris`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`${paper().id}.ris`);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const ris = Buffer.concat(chunks).toString('utf8');
    const lines = ris.split('\r\n');
    expect(lines[0]).toBe('TY  - UNPB');
    expect(lines).toContain(`TI  - ${paper().title}`);
    expect(lines).toContain('AU  - Wang, Zi-Han');
    expect(lines).toContain(`DO  - 10.48550/arXiv.${paper().id}`);
    expect(lines.filter((l) => l.startsWith('AU  - '))).toHaveLength(paper().authors.length);
    expect(lines.at(-2)).toBe('ER  - ');
    await page.close();
  });
});
