// axe-core in the site's browser tests: the serious and critical violations of the page shown.
// axe-core itself rather than @axe-core/playwright: that wrapper sends axe's 550 kB source into
// the page twice on every check (once to probe, once per frame), and a page checked in both
// themes was four copies to parse. Here it goes in once per document, and runs as axe.run() in
// the page: our pages have no frames, which is all the wrapper's frame handling is for.
// axe ships WCAG 2.2's target-size rule (SC 2.5.8: a target at least 24×24 CSS px, or with room
// around it) switched off; Lighthouse runs it, and so do these checks.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

type Axe = typeof axe;

/**
 * The serious and critical violations axe finds in the page shown, a line each (the rule, its
 * help, up to three elements); `rules`: only these rules. Only violations are gathered.
 */
export async function seriousViolations(page: Page, rules?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(
    (runOnly) =>
      (window as unknown as { axe: Axe }).axe.run(document, {
        resultTypes: ['violations'],
        rules: { 'target-size': { enabled: true } },
        ...(runOnly ? { runOnly: { type: 'rule', values: runOnly } } : {}),
      }),
    rules,
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}
