import { launchChromium } from './scraper/fetch/chromium.ts';
import { serveStatic } from './scripts/site/serve.ts';
const server = await serveStatic({ root: 'dist', base: '/', port: 0 });
const browser = await launchChromium();
for (const [name, w, h] of [['desktop', 1280, 800], ['phone', 390, 844]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    for (const [label, q] of [['words', 'q=video+generation'], ['org', 'organization=alibab'], ['range', 'q=%22world+model%22&from=2026-07-01&upvotes=10']] as const) {
      await page.goto(`${server.url}search/?${q}`);
      await page.waitForFunction(() => (document.querySelector('#search-status') as HTMLElement)?.dataset['state'] === 'done');
      await page.screenshot({ path: `/work/shots/search-${label}-${name}-${scheme}.png`, fullPage: false });
    }
    await ctx.close();
  }
}
await browser.close(); await server.close();
