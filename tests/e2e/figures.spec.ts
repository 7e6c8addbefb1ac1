import { test, expect, type Page } from '@playwright/test';
import { startedUp } from './start-up';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import fc from 'fast-check';
import { readChapters } from '../essay-files';
import { FIGURES } from '../../src/lib/figures/registry';
import { defaultState } from '../../src/lib/figures/controls';
import { paramKey, readFigureState, writeFigureState } from '../../src/lib/figures/url-state';
import type { FigureDefinition, FigureState } from '../../src/lib/figures/types';
import { chartFontSize } from '../../src/lib/figures/chart-config';
import { cutOff, uncaughtErrors } from './cut-off';
import { requestsSeen } from './requests-seen';
import { badValue, unknownControl } from '../unit/figures/arbitraries';

// The figures on the built site: drawing, controls, shareable URLs, fuzzed links, no-JS twins, print and data.

const contentDir = process.env.ESSAY_CONTENT_DIR ?? 'content';
type Lang = 'zh' | 'en';

/** The chapter path of every figure placed in the essay, per language. */
function figurePages(lang: Lang): Map<string, string> {
  const pages = new Map<string, string>();
  for (const chapter of readChapters(lang, contentDir)) {
    for (const match of chapter.body.matchAll(/<Figure\s+id="([^"]+)"/g)) pages.set(match[1]!, `/${lang}/${chapter.slug}/`);
  }
  return pages;
}
const pages = { en: figurePages('en'), zh: figurePages('zh') };
const placed = Object.values(FIGURES).filter((def) => pages.en.has(def.id));

/** Collects console errors and page errors; the test fails if any appear. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function open(page: Page, path: string, id: string): Promise<void> {
  await page.goto(`${path}#fig-${id}`);
  await page.evaluate(() => window.__figuresReady!());
}

/** Painted (non-transparent) pixels of the figure's canvas: Chart.js paints no background. */
async function paintedPixels(page: Page, id: string): Promise<number> {
  return page.locator(`#fig-${id} canvas.figure-canvas`).evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n += 1;
    return n;
  });
}

const image = (page: Page, id: string) => page.locator(`#fig-${id} canvas.figure-canvas`).evaluate((c: HTMLCanvasElement) => c.toDataURL());
const readout = (page: Page, id: string) => page.locator(`#fig-${id} [data-readout]`).innerText();

/** The values every control of a figure shows. */
async function controlValues(page: Page, id: string): Promise<Record<string, string>> {
  return page.locator(`#fig-${id} [data-control]`).evaluateAll((boxes) =>
    Object.fromEntries(
      boxes.map((box) => {
        const name = (box as HTMLElement).dataset.control!;
        const checked = box.querySelector<HTMLInputElement>('input[type="radio"]:checked');
        const field = box.querySelector<HTMLInputElement | HTMLTextAreaElement>('input[type="range"], textarea');
        return [name, checked?.value ?? field?.value ?? ''];
      }),
    ),
  );
}

/** The address once the island has written the latest state (it writes at most every 250 ms while controls move). */
async function settledUrl(page: Page): Promise<string> {
  let last = '';
  await expect
    .poll(async () => {
      const previous = last;
      await page.waitForTimeout(300);
      last = page.url();
      return last === previous;
    })
    .toBe(true);
  return last;
}

/** Moves one control to a different value with the keyboard or the mouse, as a reader would. */
async function moveControl(page: Page, def: FigureDefinition, name: string): Promise<void> {
  const box = page.locator(`#fig-${def.id} [data-control="${name}"]`);
  const control = def.controls.find((c) => c.name === name)!;
  if (control.kind === 'number') {
    const range = box.locator('input[type="range"]');
    await range.focus();
    const atMax = await range.evaluate((r: HTMLInputElement) => r.value === r.max);
    for (let i = 0; i < 3; i += 1) await range.press(atMax ? 'ArrowLeft' : 'ArrowRight');
  } else if (control.kind === 'radio') {
    const unchecked = box.locator('input[type="radio"]:not(:checked)').first();
    await unchecked.focus();
    await unchecked.check();
  } else {
    await box.locator('textarea').fill('size,loss\n1e6,4.2\n1e7,3.6\n1e8,3.1\n1e9,2.8\n1e10,2.6');
  }
}

/** Makes a control visible first if it depends on another (e.g. the D slider needs the "Data D" axis). */
async function reveal(page: Page, def: FigureDefinition, name: string): Promise<void> {
  if (await page.locator(`#fig-${def.id} [data-control="${name}"]`).isVisible()) return;
  for (const other of def.controls) {
    if (other.kind !== 'radio') continue;
    for (const option of other.options) {
      await page.locator(`#fig-${def.id} [data-control="${other.name}"] input[value="${option.value}"]`).check();
      if (await page.locator(`#fig-${def.id} [data-control="${name}"]`).isVisible()) return;
    }
  }
}

test('every figure id is placed in a chapter of both editions', () => {
  expect([...pages.en.keys()].sort()).toEqual(Object.keys(FIGURES).sort());
  expect([...pages.zh.keys()].sort()).toEqual(Object.keys(FIGURES).sort());
});

for (const def of placed) {
  const id = def.id;
  const path = pages.en.get(id)!;

  test.describe(`figure ${id}`, () => {
    test('draws a non-blank chart, replaces the twin, and describes itself', async ({ page }) => {
      const errors = watchErrors(page);
      await open(page, path, id);
      const figure = page.locator(`#fig-${id}`);
      await expect(figure).toHaveAttribute('data-drawn', '');
      await expect(figure.locator('canvas.figure-canvas')).toBeVisible();
      await expect(figure.locator('img.figure-twin')).toBeHidden();
      expect(await paintedPixels(page, id)).toBeGreaterThan(5000);
      const canvas = figure.locator('canvas.figure-canvas');
      await expect(canvas).toHaveAttribute('role', 'img');
      const describedBy = await canvas.getAttribute('aria-describedby');
      await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(def.describe(defaultState(def), 'en'));
      await expect(figure.locator('.figure-controls-set')).toBeEnabled();
      expect(await figure.locator('figcaption .figure-source').innerText()).toMatch(/^Source: /);
      expect(errors).toEqual([]);
    });

    test('every control changes the chart and the URL; reloading the URL restores the state', async ({ page }) => {
      const errors = watchErrors(page);
      await open(page, path, id);
      for (const control of def.controls) {
        await reveal(page, def, control.name);
        const before = await image(page, id);
        await moveControl(page, def, control.name);
        await expect.poll(() => image(page, id), { message: `${id}.${control.name} redraws the chart` }).not.toBe(before);
        await expect.poll(() => new URL(page.url()).searchParams.has(paramKey(id, control.name)), { message: `${id}.${control.name} is in the URL` }).toBe(true);
      }
      await expect.poll(() => new URL(page.url()).hash).toBe(`#fig-${id}`);
      const values = await controlValues(page, id);
      const text = await readout(page, id);
      const url = await settledUrl(page);
      await page.goto('about:blank');
      await page.goto(url);
      await page.evaluate(() => window.__figuresReady!());
      expect(await controlValues(page, id)).toEqual(values);
      expect(await readout(page, id)).toBe(text);
      await expect(page.locator(`#fig-${id} [data-note]`)).toBeHidden();
      // The shared figure is scrolled into view.
      await expect(page.locator(`#fig-${id}`)).toBeInViewport({ ratio: 0.2 });
      expect(errors).toEqual([]);
    });

    test('≥ 200 fuzzed bad link values leave the figure at its defaults with a visible note', async ({ page }) => {
      test.setTimeout(180_000);
      const errors = watchErrors(page);
      await open(page, path, id);
      const defaults = await readout(page, id);
      const defaultValues = await controlValues(page, id);
      // Bad values for every control and unknown control names, seeded so a failure can be replayed.
      const bad: Array<[string, string]> = [];
      const perControl = Math.ceil(220 / def.controls.length);
      def.controls.forEach((control, i) => {
        for (const raw of fc.sample(badValue(control), { numRuns: perControl, seed: 42 + i })) bad.push([paramKey(id, control.name), raw]);
      });
      for (const name of fc.sample(unknownControl(def), { numRuns: 20, seed: 7 })) bad.push([`${id}.${name}`, 'x']);
      // Batch them into as few loads as the server's URL limit allows (≤ 12,000 encoded characters each, and at most
      // 120 values, each one a line of the figure's note).
      const batches: Array<Array<[string, string]>> = [[]];
      for (const pair of bad) {
        const last = batches[batches.length - 1]!;
        const length = new URLSearchParams([...last, pair]).toString().length;
        if (last.length > 0 && (length > 12000 || last.length >= 120)) batches.push([pair]);
        else last.push(pair);
      }
      expect(bad.length).toBeGreaterThanOrEqual(200);
      for (const batch of batches) {
        const search = new URLSearchParams(batch).toString();
        await page.goto(`${path}?${search}#fig-${id}`);
        await page.evaluate(() => window.__figuresReady!());
        const note = page.locator(`#fig-${id} [data-note]`);
        await expect(note).toBeVisible();
        await expect(note.locator('p')).toHaveCount(batch.length);
        await expect(note.locator('p').first()).toContainText('Ignored link value');
        expect(await readout(page, id)).toBe(defaults);
        expect(await controlValues(page, id)).toEqual(defaultValues);
        expect(await paintedPixels(page, id)).toBeGreaterThan(5000);
      }
      expect(errors).toEqual([]);
    });

    test('the data table shows the module’s values, at the defaults and after a change', async ({ page }) => {
      await open(page, path, id);
      const figure = page.locator(`#fig-${id}`);
      await figure.locator('details.figure-data summary').click();
      const check = async (state: FigureState) => {
        const expected = def.table(state, 'en');
        const cells = await figure.locator('.figure-data-body tbody tr').evaluateAll((rows) =>
          rows.map((row) => [...row.children].map((cell) => (cell as HTMLElement).dataset.value ?? cell.textContent ?? '')),
        );
        // Numbers agree to 8 significant digits: the browser's Math.pow may differ from Node's in the last bit, which an
        // iterative fit (fit-your-own's floor) can amplify to ~1e-9.
        expect(cells.length).toBe(expected.rows.length);
        expected.rows.forEach((row, i) => {
          expect(cells[i]!.length).toBe(row.length);
          row.forEach((cell, j) => {
            const shown = cells[i]![j]!;
            if (cell.value === undefined) expect(shown).toBe(cell.text);
            else if (cell.value === 0) expect(Number(shown)).toBe(0);
            else expect(Number(shown) / cell.value, `row ${i}, column ${j}`).toBeCloseTo(1, 8);
          });
        });
      };
      await check(defaultState(def));
      const first = def.controls[0]!;
      await moveControl(page, def, first.name);
      await expect.poll(() => new URL(page.url()).searchParams.has(paramKey(id, first.name))).toBe(true);
      await check(readFigureState(def, new URL(await settledUrl(page)).search).state);
    });
  });
}

// A <textarea> in a chapter's HTML makes Chrome's form filler lay out its figure at load, even far down the page where
// content-visibility defers it, so the page holds a box that stands in for each text field, and the island makes the
// field when the figure is first drawn. The field takes the box's place exactly: nothing in the figure moves.
for (const def of placed.filter((d) => d.controls.some((c) => c.kind === 'text'))) {
  for (const width of [390, 1400]) {
    test(`${def.id}: at ${width} px each text field is made when the figure is drawn, in its stand-in's place`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(pages.en.get(def.id)!);
      const figure = page.locator(`#fig-${def.id}`);
      await expect(figure).not.toHaveAttribute('data-drawn');
      // Offsets from the figure's top: the stand-in (or field) and everything under the controls.
      const place = (selector: string) =>
        figure.evaluate((el, selector) => {
          const top = el.getBoundingClientRect().top;
          const box = el.querySelector(selector)!.getBoundingClientRect();
          const readout = el.querySelector('[data-readout]')!.getBoundingClientRect();
          return [box.left, box.top - top, box.width, box.height, readout.top - top].map((v) => Math.round(v * 10) / 10);
        }, selector);
      for (const control of def.controls) {
        if (control.kind !== 'text') continue;
        const box = `[data-control="${control.name}"]`;
        await expect(figure.locator(`${box} textarea`)).toHaveCount(0);
        const before = await place(`${box} [data-field-twin]`);
        await page.evaluate(() => window.__figuresReady!());
        const field = figure.locator(`${box} textarea`);
        await expect(field).toHaveCount(1);
        await expect(figure.locator(`${box} [data-field-twin]`)).toHaveCount(0);
        expect(await place(`${box} textarea`)).toEqual(before);
        expect(await field.inputValue()).toBe(control.default);
        expect(await field.evaluate((f: HTMLTextAreaElement) => [f.name, f.rows, f.maxLength, f.labels?.length])).toEqual([
          control.name, control.rows, control.maxLength, 1,
        ]);
      }
    });
  }
}

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });
  for (const def of placed) {
    test(`${def.id}: the static twin is shown and loads`, async ({ page }) => {
      await page.goto(pages.en.get(def.id)!);
      const twin = page.locator(`#fig-${def.id} img.figure-twin`);
      await twin.scrollIntoViewIfNeeded();
      await expect(twin).toBeVisible();
      await expect.poll(() => twin.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
      expect(await twin.getAttribute('alt')).toBe(def.describe(defaultState(def), 'en'));
      expect(await twin.evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname)).toMatch(new RegExp(`/${def.id}\\.png$`));
      await expect(page.locator(`#fig-${def.id} canvas.figure-canvas`)).toBeHidden();
      const set = page.locator(`#fig-${def.id} .figure-controls-set`);
      expect(await set.evaluate((fieldset: HTMLFieldSetElement) => fieldset.disabled)).toBe(true);
      for (const input of await set.locator('input').all()) await expect(input).toBeDisabled();
      // A text field is shown as its stand-in box, holding the default data.
      for (const control of def.controls) {
        if (control.kind !== 'text') continue;
        const twin = set.locator(`[data-control="${control.name}"] [data-field-twin]`);
        await expect(twin).toBeVisible();
        expect(await twin.evaluate((box) => box.textContent)).toBe(control.default);
      }
    });
  }
});

// On a phone the chart box is square. The wide twin would fill a third of it, its labels shrunk to under 6 px; the
// square twin is drawn for the box, at close to the size it is shown.
test('without JavaScript on a phone, each figure shows its square twin at close to the size it was drawn', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const page = await context.newPage();
  for (const def of placed) {
    await page.goto(pages.en.get(def.id)!);
    const twin = page.locator(`#fig-${def.id} img.figure-twin`);
    await twin.scrollIntoViewIfNeeded();
    await expect.poll(() => twin.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const shown = await twin.evaluate((img: HTMLImageElement) => ({
      path: new URL(img.currentSrc).pathname,
      natural: img.naturalWidth / img.naturalHeight,
      box: img.clientWidth / img.clientHeight,
      // The PNG is drawn at twice its CSS size: this is the share of that size it is shown at.
      scale: img.clientWidth / (img.naturalWidth / 2),
    }));
    expect(shown.path, def.id).toMatch(new RegExp(`/${def.id}-square\\.png$`));
    expect(shown.natural, `${def.id}: the image has the box's shape`).toBeCloseTo(shown.box, 2);
    expect(shown.scale, `${def.id}: shown at close to its drawn size`).toBeGreaterThan(0.75);
  }
  await context.close();
});

// A phone held sideways is 390 px tall, of which the header takes 52: the wide chart box (346 px on a 844 px screen)
// ran past the screen's foot, so the chart could not be seen whole. There the box is no taller than the screen below
// the header, and the chart is drawn to the box; on a desktop it keeps its shape.
test('on a phone held sideways a linked figure\'s whole chart is on screen below the header; on a desktop the box keeps its 12:7 shape', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const def of placed) {
    await open(page, pages.en.get(def.id)!, def.id);
    const fit = await page.locator(`#fig-${def.id} .figure-chart`).evaluate((box) => {
      const r = box.getBoundingClientRect();
      const canvas = box.querySelector('canvas')!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, header: document.querySelector('.site-header')!.getBoundingClientRect().bottom, height: r.height, canvas: canvas.height };
    });
    expect(fit.top, `${def.id}: below the header`).toBeGreaterThanOrEqual(fit.header);
    expect(fit.bottom, `${def.id}: above the screen's foot`).toBeLessThanOrEqual(390);
    expect(fit.canvas, `${def.id}: the chart is drawn to the box`).toBeCloseTo(fit.height, 0);
  }
  await context.close();
  const desk = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const def = placed[0]!;
  await open(desk, pages.en.get(def.id)!, def.id);
  const shape = await desk.locator(`#fig-${def.id} .figure-chart`).evaluate((box) => box.clientWidth / box.clientHeight);
  expect(shape).toBeCloseTo(12 / 7, 2);
  await desk.close();
});

// Reading on, with the connection gone, the drawing kit can fail to arrive: the figure keeps its picture, says so in
// place of nothing at all (the failure was an uncaught error), and, the connection back, draws when a control moves
// (the note asks for a reload, which works whichever part failed to arrive).
test('when the drawing kit cannot be fetched, a figure keeps its picture, says so, and draws once a control moves with the connection back', async ({ page }) => {
  const def = placed.find((d) => d.controls.some((c) => c.kind === 'number'))!;
  const errors = uncaughtErrors(page);
  const chartCode = await cutOff(page, /\/_astro\/chart\.[^/]*\.js$/);
  await page.goto(`${pages.en.get(def.id)!}#fig-${def.id}`);
  const figure = page.locator(`#fig-${def.id}`);
  const note = figure.locator('[data-load-note]');
  await expect(note).toBeVisible();
  await expect(note).toContainText('could not be loaded');
  await expect(figure.locator('img.figure-twin')).toBeVisible();
  await expect(figure).not.toHaveAttribute('data-drawn');
  chartCode.reconnect();
  await figure.locator('input[type="range"]').first().press('ArrowRight');
  await expect(figure).toHaveAttribute('data-drawn', '');
  await expect(note).toBeHidden();
  expect(await paintedPixels(page, def.id)).toBeGreaterThan(1000);
  expect(errors).toEqual([]);
});

// The figures' own code (the island) can fail to arrive too. Then no control can work, so none is enabled; each
// figure keeps its picture and says the chart could not be loaded, and the failed fetch is not an uncaught error.
test('when the figures\' code cannot be fetched, every live figure keeps its picture and says so, with no uncaught error', async ({ page }) => {
  const def = placed[0]!;
  const errors = uncaughtErrors(page);
  const island = await cutOff(page, /\/_astro\/figure-island\.[^/]*\.js$/);
  await page.goto(`${pages.en.get(def.id)!}#fig-${def.id}`);
  const figures = page.locator('figure.figure-live[data-figure]');
  const count = await figures.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const figure = figures.nth(i);
    await expect(figure).toHaveAttribute('data-failed', '');
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator('[data-load-note]')).toBeVisible();
    await expect(figure.locator('[data-load-note]')).toContainText('reload the page');
    await expect(figure.locator('img.figure-twin')).toBeVisible();
    await expect(figure.locator('.figure-controls-set :is(input, select, textarea)').first()).toBeDisabled();
  }
  expect(island.asked()).toBe(1);
  expect(errors).toEqual([]);
});

// A caption's words about the controls (<LiveOnly>, "drag the slider") show only where the controls work: on screen
// with JavaScript; not on paper, in the book (whose figures are images) or without JavaScript.
test('words about a figure\'s controls show only where the controls work', async ({ browser }) => {
  const chapter = readChapters('en', contentDir).find((c) => /<Figure\s[^>]*>[^<]*<LiveOnly>/.test(c.body));
  expect(chapter, 'a caption with words about its controls').toBeDefined();
  const path = `/en/${chapter!.slug}/`;
  const live = await browser.newPage();
  await live.goto(path);
  const words = live.locator('figcaption .live-only').first();
  await words.scrollIntoViewIfNeeded();
  await expect(words).toBeVisible();
  await live.emulateMedia({ media: 'print' });
  await expect(words).toBeHidden();
  await live.emulateMedia({ media: 'screen' });
  await live.goto('/en/book/');
  expect(await live.locator('[data-book-chapter] .live-only').count()).toBeGreaterThan(0);
  expect(await live.locator('[data-book-chapter] .live-only').evaluateAll((all) => all.filter((el) => el.getClientRects().length > 0).length)).toBe(0);
  await live.close();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const still = await context.newPage();
  await still.goto(path);
  await expect(still.locator('figcaption .live-only').first()).toBeHidden();
  await expect(still.locator('figcaption').first()).toBeVisible();
  await context.close();
});

test('the Chinese edition draws its figures with Chinese labels', async ({ page }) => {
  const errors = watchErrors(page);
  for (const [id, path] of pages.zh) {
    await open(page, path, id);
    expect(await paintedPixels(page, id)).toBeGreaterThan(5000);
    await expect(page.locator(`#fig-${id} figcaption .figure-source`)).toContainText('来源');
    await expect(page.locator(`#fig-${id} .figure-description`)).toHaveText(FIGURES[id as keyof typeof FIGURES].describe(defaultState(FIGURES[id as keyof typeof FIGURES]), 'zh'));
  }
  expect(errors).toEqual([]);
});

test('a bad link value is reported in Chinese on the Chinese edition', async ({ page }) => {
  const [id, path] = [...pages.zh][0]!;
  const control = FIGURES[id as keyof typeof FIGURES].controls[0]!;
  await page.goto(`${path}?${paramKey(id, control.name)}=abc#fig-${id}`);
  await expect(page.locator(`#fig-${id} [data-note]`)).toContainText(`已忽略链接中的值 ${paramKey(id, control.name)}=abc`);
});

test('the copy-link button copies the figure’s current state and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const def = placed[0]!;
  await open(page, pages.en.get(def.id)!, def.id);
  await moveControl(page, def, def.controls[0]!.name);
  await page.locator(`#fig-${def.id} [data-copy]`).click();
  await expect(page.locator(`#fig-${def.id} [data-copied]`)).toHaveText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`#fig-${def.id}`);
  expect(new URL(copied).searchParams.has(paramKey(def.id, def.controls[0]!.name))).toBe(true);
});

test('charts follow the theme switch', async ({ page }) => {
  const def = placed[0]!;
  await open(page, pages.en.get(def.id)!, def.id);
  const light = await image(page, def.id);
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'dark';
    document.dispatchEvent(new CustomEvent('themechange', { detail: 'dark' }));
  });
  await expect.poll(() => image(page, def.id)).not.toBe(light);
});

test("a chart's text grows with the reader's own text size, as far as the chart grew with it", async ({ browser }) => {
  const def = placed[0]!;
  const drawn: Record<number, { largest: number; width: number }> = {};
  for (const root of [16, 24, 32]) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    // A reader's default text size, the browser setting: it sizes the root element and every rem, media queries too.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: root, fixed: Math.round((root * 13) / 16) } });
    await page.addInitScript(() => {
      // Every font a canvas is given, to read the sizes the chart draws in.
      const font = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'font')!;
      const seen: string[] = ((window as unknown as { __fonts: string[] }).__fonts = []);
      Object.defineProperty(CanvasRenderingContext2D.prototype, 'font', {
        configurable: true,
        get: font.get,
        set(value: string) {
          seen.push(value);
          font.set!.call(this, value);
        },
      });
    });
    await open(page, pages.en.get(def.id)!, def.id);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), 'the root font size').toBe(`${root}px`);
    const sizes = await page.evaluate(() => (window as unknown as { __fonts: string[] }).__fonts.map((f) => Number(/([\d.]+)px/.exec(f)?.[1])));
    expect(sizes.length, `fonts set at ${root} px`).toBeGreaterThan(0);
    // The largest text is an axis title, one pixel larger than the tick labels (chartFontSize).
    drawn[root] = { largest: Math.max(...sizes.filter(Number.isFinite)), width: await page.locator(`#fig-${def.id}`).evaluate((el) => el.clientWidth) };
    await context.close();
  }
  expect(drawn[16]!.largest).toBeCloseTo(12.5 + 1, 1);
  expect(drawn[24]!.largest).toBeCloseTo(chartFontSize(drawn[24]!.width, 24) + 1, 1);
  expect(drawn[24]!.largest, `larger text on a ${drawn[24]!.width} px chart`).toBeGreaterThan(drawn[16]!.largest * 1.2);
  // At twice the default size (WCAG 1.4.4), larger again, as far as the chart's width allows.
  expect(drawn[32]!.largest).toBeCloseTo(chartFontSize(drawn[32]!.width, 32) + 1, 1);
  expect(drawn[32]!.largest, `larger text again on a ${drawn[32]!.width} px chart`).toBeGreaterThan(drawn[24]!.largest * 1.1);
});

test('a page without figures loads none of the figure code', async ({ page }) => {
  const plain = readChapters('en', contentDir).find((c) => !/<Figure\s/.test(c.body));
  test.skip(!plain, 'every chapter has a figure');
  const figureCode = requestsSeen(page, /Figure\.astro|\/chart\./, 'script');
  await page.goto(`/en/${plain!.slug}/`);
  await page.waitForLoadState('networkidle');
  expect(figureCode).toEqual([]);
  expect(await page.evaluate(() => typeof window.__figuresReady)).toBe('undefined');
});

test("a point's hover card: its code comes with the first move over a chart, then the card names the point beside the pointer and hides when it leaves", async ({ page }) => {
  const id = 'compute-frontier';
  const fetched = requestsSeen(page, /\/hover-card\.[\w-]+\.js$/);
  const errors = watchErrors(page);
  await open(page, pages.en.get(id)!, id);
  const canvas = page.locator(`#fig-${id} canvas.figure-canvas`);
  const card = page.locator(`#fig-${id} .figure-hover`);
  await page.waitForLoadState('networkidle');
  expect(fetched, 'the card\'s code before any pointer move').toEqual([]);
  // Along the middle of the chart, left to right, until the pointer is near a plotted point (the lines are drawn
  // through points a few px apart, so one is met within a few steps).
  const box = (await canvas.boundingBox())!;
  let shown = false;
  for (let x = box.x + box.width * 0.3; x < box.x + box.width * 0.9 && !shown; x += 12) {
    await page.mouse.move(x, box.y + box.height * 0.45);
    shown = await card.waitFor({ state: 'visible', timeout: 300 }).then(() => true, () => false);
  }
  expect(shown, 'a card near a plotted point').toBe(true);
  expect(fetched).toHaveLength(1);
  const text = await card.innerText();
  expect(text).toMatch(/^(x = |[A-Z])/);
  expect(text).toMatch(/\n.*(Kaplan|Epoch|Hoffmann|GPT-3|Gopher|Chinchilla).*: \S/);
  expect(text).not.toMatch(/NaN|Infinity|undefined/);
  const [cardBox, figureBox] = [(await card.boundingBox())!, (await page.locator(`#fig-${id}`).boundingBox())!];
  expect(cardBox.x >= figureBox.x - 1 && cardBox.x + cardBox.width <= figureBox.x + figureBox.width + 1, 'the card inside the figure').toBe(true);
  await page.mouse.move(box.x + box.width / 2, box.y - 40);
  await expect(card).toBeHidden();
  expect(fetched, 'fetched once').toHaveLength(1);
  expect(errors).toEqual([]);
});

test('a figure far below: its code is fetched only as it nears the screen, and at once when a link targets it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const island = requestsSeen(page, /figure-island/);
  // The chapter, and its first figure, further than two screens below the top (the premise of this test).
  const path = pages.en.get('compute-frontier')!;
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const figure = page.locator('#fig-compute-frontier');
  expect((await figure.boundingBox())!.y).toBeGreaterThan(2 * 823);
  await startedUp(page);
  expect(island, 'figure code fetched before any figure is near').toEqual([]);
  await expect(figure.locator('button[data-copy]')).toBeHidden();
  await figure.scrollIntoViewIfNeeded();
  await expect.poll(() => island.length).toBeGreaterThan(0);
  await expect(figure.locator('button[data-copy]')).toBeVisible();
  await expect(figure.locator('.figure-controls-set')).toBeEnabled();
  // Opened at the figure: fetched at once.
  const direct = await context.newPage();
  const fetched = requestsSeen(direct, /figure-island/);
  await direct.goto(`${path}#fig-compute-frontier`);
  await expect.poll(() => fetched.length).toBeGreaterThan(0);
  await expect(direct.locator('#fig-compute-frontier button[data-copy]')).toBeVisible();
  await context.close();
});

test('printing to PDF keeps every figure of a chapter as an image', async ({ page }) => {
  // The chapter with the most figures.
  const byPage = new Map<string, string[]>();
  for (const [id, p] of pages.en) byPage.set(p, [...(byPage.get(p) ?? []), id]);
  const [path, ids] = [...byPage].sort((a, b) => b[1].length - a[1].length)[0]!;
  await page.goto(path);
  await page.evaluate(() => window.__figuresReady!());
  await page.emulateMedia({ media: 'print' });
  // Entering print media redraws the charts at print resolution (≥ 2 canvas pixels per CSS pixel).
  for (const id of ids) {
    await expect
      .poll(() => page.locator(`#fig-${id} canvas.figure-canvas`).evaluate((c: HTMLCanvasElement) => c.width / c.clientWidth))
      .toBeGreaterThanOrEqual(2);
  }
  mkdirSync('.tmp', { recursive: true });
  const file = `.tmp/figures-e2e-${process.pid}.pdf`;
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  // pdfimages lists one "image" row per embedded picture (plus "smask" rows for transparency).
  const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  const images = list.split('\n').slice(2).filter((line) => /\simage\s/.test(line));
  expect(images.length).toBeGreaterThanOrEqual(ids.length);
});

// A shared state in both figures of one page: both restore, neither disturbs the other.
test('two figures on one page keep separate states in one URL', async ({ page }) => {
  const shared = [...pages.en].filter(([, p]) => [...pages.en].filter(([, q]) => q === p).length > 1);
  test.skip(shared.length < 2, 'no chapter has two figures');
  const [[a, path], [b]] = shared as [[string, string], [string, string]];
  const defA = FIGURES[a as keyof typeof FIGURES];
  const defB = FIGURES[b as keyof typeof FIGURES];
  const stateA = { ...defaultState(defA) } as Record<string, number | string>;
  const stateB = { ...defaultState(defB) } as Record<string, number | string>;
  const firstA = defA.controls.find((c) => c.kind !== 'text')!;
  const firstB = defB.controls.find((c) => c.kind !== 'text')!;
  stateA[firstA.name] = firstA.kind === 'number' ? firstA.steps[1]! : firstA.options[1]!.value;
  stateB[firstB.name] = firstB.kind === 'number' ? firstB.steps[2]! : firstB.options[1]!.value;
  const search = writeFigureState(defB, stateB, writeFigureState(defA, stateA, ''));
  await page.goto(`${path}${search}#fig-${a}`);
  await page.evaluate(() => window.__figuresReady!());
  await expect(page.locator(`#fig-${a} [data-note]`)).toBeHidden();
  await expect(page.locator(`#fig-${b} [data-note]`)).toBeHidden();
  expect(await readout(page, a)).toContain(defA.readout(stateA, 'en').lines[0]!.replace(/\^\{([^}]*)\}/g, '$1'));
  expect(await readout(page, b)).toContain(defB.readout(stateB, 'en').lines[0]!.replace(/\^\{([^}]*)\}/g, '$1'));
});
