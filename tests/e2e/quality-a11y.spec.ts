// Quality gate: accessibility. axe-core (WCAG 2.0/2.1 A and AA) runs on every built page, in the light and the dark
// theme, in the browser gates of quality.spec.ts (one load per page for axe, console, requests and CSP). Here: that
// the gate can fail at all, and tap targets on a phone.
import { test, expect } from '@playwright/test';
import { startedUp } from './start-up';
import { axeOf, violationLines } from './axe';
import { PAGES } from './quality-pages';

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

// WCAG 1.4.12 (text spacing): a reader's style sheet may set line height 1.5, letter spacing 0.12em, word spacing
// 0.16em and paragraph spacing 2em, and nothing may be lost. A displayed formula scrolls sideways in a box that clips
// it above and below, so each box must still hold its whole formula.
test('with a reader’s text spacing (WCAG 1.4.12) no displayed formula is cut off, at 390 and 1400 px', async ({ browser }) => {
  test.setTimeout(120_000);
  const cut: string[] = [];
  let boxes = 0;
  for (const width of [390, 1400]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const sitePage of PAGES.filter((p) => p.kind === 'chapter')) {
      await page.goto(sitePage.url);
      await page.evaluate(() => document.fonts.ready);
      await page.addStyleTag({
        content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important } p { margin-bottom: 2em !important }',
      });
      const found = await page.evaluate(() => {
        // Lay out every block (far down a chapter they wait for the screen), then compare each box with its contents.
        for (const block of document.querySelectorAll<HTMLElement>('.prose > *')) block.style.setProperty('content-visibility', 'visible', 'important');
        return [...document.querySelectorAll<HTMLElement>('.katex-display, .equation-body')].map((box) => ({
          text: (box.querySelector('annotation')?.textContent ?? '').trim().slice(0, 40),
          over: box.scrollHeight - box.clientHeight,
        }));
      });
      boxes += found.length;
      for (const box of found) if (box.over > 0) cut.push(`${sitePage.url} at ${width} px: ${box.over} px of “${box.text}”`);
    }
    await context.close();
  }
  expect(boxes, 'formula boxes checked').toBeGreaterThan(20);
  expect(cut).toEqual([]);
});
