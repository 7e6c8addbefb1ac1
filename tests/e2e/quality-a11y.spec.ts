// Quality gate: accessibility. axe-core (WCAG 2.0/2.1 A and AA) on every built page, in the light and the dark theme,
// with its figures drawn: 0 violations. The themes differ only in colour, so the dark run checks the colour rules
// (contrast, links told apart from text) and the light run checks everything: axe is slow on long KaTeX pages.
import { test, expect } from '@playwright/test';
import { startedUp } from './start-up';
import { axeOf, violationLines } from './axe';
import { PAGES } from './quality-pages';

const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

test('the accessibility gate has pages to check', () => {
  expect(PAGES.filter((p) => p.kind === 'chapter').length).toBeGreaterThan(1);
});

test('the gate fails on a page with known violations (control)', async ({ page }) => {
  const chapter = PAGES.find((p) => p.kind === 'chapter')!;
  await page.goto(chapter.url);
  // An image without a text alternative, and pale grey text on the page's background.
  await page.evaluate(() => {
    const image = document.createElement('img');
    image.src = '/favicon.svg';
    const pale = document.createElement('p');
    pale.textContent = 'Hard to read.';
    pale.style.color = '#eeeeee';
    document.querySelector('.prose')!.prepend(image, pale);
  });
  const rules = (await (await axeOf(page)).analyze()).violations.map((v) => v.id);
  expect(rules).toEqual(expect.arrayContaining(['image-alt', 'color-contrast']));
});

// Each page is loaded once: checked in the light theme, then switched to dark with the header's theme button, as a
// reader does, and checked again. The figures are drawn first (their code is fetched only near the screen).
test.describe('axe, light and dark theme', () => {
  test.use({ colorScheme: 'light' });
  for (const sitePage of PAGES) {
    test(`${sitePage.url}: no WCAG 2.1 A/AA violations in the light theme, no colour violations in the dark`, async ({ page }) => {
      test.setTimeout(sitePage.kind === 'book' ? 180_000 : 60_000);
      await page.goto(sitePage.url);
      await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(251, 249, 244)');
      await page.evaluate(() => (window as unknown as { __figuresReady?: () => Promise<void> }).__figuresReady?.());
      await page.waitForLoadState('networkidle');
      // Text a chapter holds back until its math fonts are in is hidden, and axe skips hidden text: check it shown.
      await expect(page.locator('html')).not.toHaveClass(/math-pending/);
      for (const theme of ['light', 'dark'] as const) {
        if (theme === 'dark') {
          await page.locator('[data-theme-toggle]').first().click();
          await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
          await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(29, 31, 34)');
        }
        const axe = await axeOf(page);
        if (theme === 'dark') axe.withRules(COLOUR_RULES);
        const results = await axe.analyze();
        const violations = results.violations.map((v) => ({
          rule: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`),
          count: v.nodes.length,
        }));
        expect(violations, `axe violations on ${sitePage.url} (${theme})`).toEqual([]);
      }
    });
  }
});

// Lighthouse's accessibility score also runs axe's target-size rule (WCAG 2.2), on a phone, as the page loads. Below
// 75rem part of a chapter is laid out only near the screen, and a link in a block not yet laid out can seem to
// overlap a control beside it, so this runs there, at load, without scrolling first.
test.describe('tap targets on a phone, at load', () => {
  test.use({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  for (const sitePage of PAGES.filter((p) => p.kind === 'chapter')) {
    test(`${sitePage.url}: every target is at least 24 px or has room around it`, async ({ page }) => {
      await page.goto(sitePage.url);
      // The page script's last start-up step shows the copy buttons.
      await startedUp(page);
      const results = await (await axeOf(page)).withRules(['target-size']).analyze();
      expect(violationLines(results), `target-size on ${sitePage.url} at 412 px`).toEqual([]);
    });
  }
});
