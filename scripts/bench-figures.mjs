// Figure benchmark: JavaScript bytes (gzip) per page type and redraw latency of every figure's controls.
//
// Usage:
//   node scripts/bench-figures.mjs [dir]      serves dir (default: .tmp/dist-figures if built, else dist) and prints
//                                             the results; exit code 1 if a target is missed
//   import { runFigureBench } from './scripts/bench-figures.mjs'
//   await runFigureBench({ baseUrl: 'http://127.0.0.1:4321' })   against a site that is already served
//
// Targets: a page with figures loads ≤ 70 KB (gzip) of figure code once every figure is drawn — the scripts it loads
// that a page without figures does not (Chart.js, the island, the figures' definitions); the page's total JavaScript
// is printed beside it. A page without figures loads 0 KB of figure code. The 95th percentile of the time from a
// control's input event to the redrawn chart (measured in the page by the island's "figure:drawn" event) is ≤ 8 ms
// over 200 moves per figure, after 20 uncounted warm-up moves.
import { chromium } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchOptions } from './chromium.mjs';
import { serveDist } from './serve-dist.mjs';

/** Moves per figure made before measuring (not counted). */
const WARMUP_MOVES = 20;

/** Budgets the benchmark checks. */
export const TARGETS = { figurePageJsKb: 70, plainPageFigureJsKb: 0, p95Ms: 8 };

const FIGURE_SCRIPT = /\/_astro\/(?:figure-island|chart)\./;

// Chapter slugs of one language, split into those that place a <Figure> and those that do not.
function chapters(lang) {
  const dir = path.join('content', lang);
  const withFigures = [];
  const without = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.mdx'))) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    if (/^draft:\s*true/m.test(text)) continue;
    const slug = /^slug:\s*["']?([a-z0-9-]+)/m.exec(text)?.[1] ?? name.replace(/\.mdx$/, '');
    (/<Figure\s+id=/.test(text) ? withFigures : without).push(slug);
  }
  return { withFigures, without };
}

function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// Loads a page, draws every figure, and returns the scripts it fetched with their gzip sizes.
async function scriptBytes(page, url) {
  const scripts = new Map();
  const pending = [];
  const onResponse = (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response.body().then(
        (body) => scripts.set(response.url(), gzipSync(body).length),
        () => undefined, // a redirect or aborted response has no body
      ),
    );
  };
  page.on('response', onResponse);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.__figuresReady?.());
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  await Promise.all(pending);
  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  const figure = [...scripts].filter(([u]) => FIGURE_SCRIPT.test(u)).length;
  return { total, scripts, figureEntryLoaded: figure > 0 };
}

// Moves every control of every figure on the page `moves` times and collects the redraw durations per figure.
async function redrawTimes(page, moves) {
  return page.evaluate(async ([count, warmup]) => {
    await window.__figuresReady?.();
    const results = {};
    for (const figure of document.querySelectorAll('figure[data-figure]')) {
      const id = figure.dataset.figure;
      const durations = [];
      const listener = (event) => {
        if (event.detail?.cause === 'input') durations.push(event.detail.duration);
      };
      const controls = [...figure.querySelectorAll('[data-control]')];
      // A short warm-up, not counted: the first moves compile the redraw path (JIT), which is not what dragging costs.
      for (let i = -warmup; i < count; i += 1) {
        if (i === 0) figure.addEventListener('figure:drawn', listener);
        const box = controls[Math.abs(i) % controls.length];
        if (box.hidden) continue;
        const range = box.querySelector('input[type="range"]');
        const radios = [...box.querySelectorAll('input[type="radio"]')];
        const select = box.querySelector('select');
        const text = box.querySelector('textarea');
        if (range) {
          const max = Number(range.max);
          const next = (Number(range.value) + 1 + Math.floor(Math.abs(i) / controls.length) * 7) % (max + 1);
          range.value = String(next === Number(range.value) ? (next + 1) % (max + 1) : next);
          range.dispatchEvent(new Event('input', { bubbles: true }));
        } else if (radios.length) {
          const current = radios.findIndex((r) => r.checked);
          const next = radios[(current + 1) % radios.length];
          next.checked = true;
          next.dispatchEvent(new Event('input', { bubbles: true }));
        } else if (select) {
          select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
          select.dispatchEvent(new Event('input', { bubbles: true }));
        } else if (text) {
          text.value = text.value.endsWith('\n') ? text.value.slice(0, -1) : `${text.value}\n`;
          text.dispatchEvent(new Event('input', { bubbles: true }));
        }
        // Let the browser paint now and then, as a dragging hand would.
        if (i % 20 === 19) await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      }
      figure.removeEventListener('figure:drawn', listener);
      results[id] = durations;
    }
    return results;
  }, [moves, WARMUP_MOVES]);
}

/** Runs the benchmark against a served site; returns bytes per page and p95 redraw latency per figure. */
export async function runFigureBench({ baseUrl, langs = ['en', 'zh'], moves = 200, log = console.log } = {}) {
  const browser = await chromium.launch(launchOptions);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const pages = [];
  const latency = {};
  try {
    for (const lang of langs) {
      const { withFigures, without } = chapters(lang);
      // The scripts every chapter loads anyway (theme, reader, search …): what a page without figures fetches.
      const baseline = new Set();
      for (const slug of without) {
        const { total, scripts, figureEntryLoaded } = await scriptBytes(page, `${baseUrl}/${lang}/${slug}/`);
        for (const url of scripts.keys()) baseline.add(url);
        pages.push({ url: `/${lang}/${slug}/`, figures: false, jsGzip: total, figureCode: figureEntryLoaded });
      }
      for (const slug of withFigures) {
        const { total, scripts } = await scriptBytes(page, `${baseUrl}/${lang}/${slug}/`);
        // Figure code: everything this page loads that a page without figures does not.
        const figureJs = [...scripts].filter(([url]) => !baseline.has(url)).reduce((sum, [, bytes]) => sum + bytes, 0);
        pages.push({ url: `/${lang}/${slug}/`, figures: true, jsGzip: total, figureJsGzip: figureJs });
        const times = await redrawTimes(page, moves);
        for (const [id, durations] of Object.entries(times)) {
          const all = (latency[id] ??= []);
          all.push(...durations);
        }
      }
    }
  } finally {
    await browser.close();
  }
  const figureLatency = Object.fromEntries(
    Object.entries(latency).map(([id, d]) => [id, { moves: d.length, p50: percentile(d, 50), p95: percentile(d, 95), max: Math.max(...d) }]),
  );
  const result = { pages, latency: figureLatency, errors };
  if (log) {
    const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
    log('JavaScript per page (gzip, after every figure is drawn):');
    for (const p of pages) {
      log(`  ${p.url.padEnd(34)} ${p.figures ? 'figures ' : 'no figs '} total ${kb(p.jsGzip).padStart(9)}` +
        (p.figures ? `   of which figure code ${kb(p.figureJsGzip)}` : `   figure code ${p.figureCode ? 'LOADED' : '0 KB'}`));
    }
    log(`Redraw latency, input event → chart updated (${moves} moves per figure and language):`);
    for (const [id, l] of Object.entries(figureLatency)) {
      log(`  ${id.padEnd(20)} p50 ${l.p50.toFixed(2)} ms   p95 ${l.p95.toFixed(2)} ms   max ${l.max.toFixed(2)} ms   (${l.moves} moves)`);
    }
    if (errors.length) log(`Page errors: ${errors.join(' | ')}`);
  }
  return result;
}

/** True when every target is met. */
export function meetsTargets(result) {
  const figurePages = result.pages.filter((p) => p.figures);
  const plain = result.pages.filter((p) => !p.figures);
  return (
    figurePages.every((p) => p.figureJsGzip <= TARGETS.figurePageJsKb * 1024) &&
    plain.every((p) => !p.figureCode) &&
    Object.values(result.latency).every((l) => l.p95 <= TARGETS.p95Ms) &&
    result.errors.length === 0
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? (existsSync('.tmp/dist-figures') ? '.tmp/dist-figures' : 'dist');
  const port = Number(process.env.PORT ?? 4331);
  const server = await serveDist({ root: dir, port });
  try {
    const result = await runFigureBench({ baseUrl: `http://127.0.0.1:${port}` });
    const ok = meetsTargets(result);
    console.log(ok ? 'All targets met.' : 'Some targets missed.');
    process.exitCode = ok ? 0 : 1;
  } finally {
    server.close();
  }
}
