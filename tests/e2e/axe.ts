// One way to run axe-core in the browser tests: WCAG 2.0/2.1 A and AA rules, run inside the page itself.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The rules that depend on colour alone: the only ones a theme switch can change (contrast, links told from text). */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** axe-core's minified build, the same version AxeBuilder brings (580 KB; its default is the 1.3 MB unminified one). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * An axe run over the page's own document. axe's default opens a second, blank page to merge the results of every
 * frame, which costs about 1.5 s per check; the site has no frames, so axe runs in the page ("legacy mode", which
 * gives up only cross-origin frames). The page is checked for frames first, so that a frame added later fails here
 * instead of going unchecked. AxeBuilder evaluates axe's whole source twice in every analyze() (the minified build
 * alone took 0.64–0.71 s per page here); instead the page gets the minified source once, and AxeBuilder an empty
 * script to evaluate.
 */
export async function axeOf(page: Page): Promise<AxeBuilder> {
  expect(await page.locator('iframe, frame').count(), 'frames on the page (axe here checks only the top document)').toBe(0);
  // Colours checked mid-transition are neither theme's (a sidenote fades for 0.15 s after the theme switch): axe
  // checks the page once the transitions in flight have ended.
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined))));
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return new AxeBuilder({ page, axeSource: ';' }).withTags(AXE_TAGS).setLegacyMode(true).options({ resultTypes: ['violations'] });
}

/** The violations of one axe run, one line each: the rule, then the elements it found (empty when the page passes). */
export function violationLines(results: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
