// Seeded fuzzing of the figures' shared links against a built site: many more bad values than the browser tests.
//
// Usage:
//   node scripts/fuzz-figures.mjs [dir] [--seed N] [--runs N] [--lang zh|en] [--url http://127.0.0.1:4321]
//     dir     built site to serve (default: .tmp/dist-figures if built, else dist); ignored with --url
//     --seed  PRNG seed (default: the current time; printed, so a failure can be replayed)
//     --runs  bad link values per figure (default 2000), sent in batches of up to 40 per page load
//     --lang  fuzz only the figures placed in that edition (default: both)
//     --url   fuzz a site that is already served instead of serving dir
//
// For every figure placed in the essay (both editions) it loads the figure's chapter with a batch of bad query
// parameters — malformed numbers, NaN/Infinity, huge and negative values, out-of-range values, unknown options,
// unknown control names, repeated keys, junk text for the data box — and checks that the figure stays at its
// defaults (same readout and controls as a clean load), lists every ignored value in its note, draws a non-blank
// chart, shows no "NaN"/"Infinity", and that the page logs no error. Exit code 1 on the first failure, with its URL.
import { chromium } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchOptions } from './chromium.mjs';
import { serveDist } from './serve-dist.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const seed = Number(option('seed', Date.now() % 2 ** 31));
const runs = Number(option('runs', 2000));
const givenUrl = option('url', '');
const onlyLang = option('lang', '');
if (onlyLang && !['zh', 'en'].includes(onlyLang)) throw new RangeError(`--lang must be zh or en, not ${JSON.stringify(onlyLang)}`);
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ??
  (existsSync('.tmp/dist-figures') ? '.tmp/dist-figures' : 'dist');

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
function prng(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const CHARS = 'abcxyzABC0123456789.,;:-+eE %&=#?/\\"\'<>{}[]()_~`!@$^*|\t\n亿万αβ∞😀';
const junk = (max = 16) => Array.from({ length: int(0, max) }, () => pick([...CHARS])).join('');

const NOT_NUMBERS = ['NaN', 'Infinity', '-Infinity', '+Infinity', '1e999', '-1e999', '0x10', '1,000', '1e', 'e9', '--1', '1..2', ' 1', '1_000', '١٢٣', '∞', 'null', 'undefined', '[]', '{}', '', '%00', '1e9e9'];
const OUT_OF_RANGE = ['0', '-0', '-1', '-1e9', '1e300', '1e-300', '5e-324', '1.7976931348623157e308', '-1.5e9', '1e40', '0.25'];

// A bad value for a control of a kind; `options` are the accepted choices of a radio or select.
function badValue(kind, options) {
  if (kind === 'number') {
    const r = random();
    if (r < 0.35) return pick(NOT_NUMBERS);
    if (r < 0.7) return pick(OUT_OF_RANGE);
    if (r < 0.85) return `${pick(['-', ''])}${int(0, 9)}e${int(30, 400)}`;
    const text = junk(10);
    return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? 'x' + text : text;
  }
  if (kind === 'text') {
    const r = random();
    if (r < 0.4) return junk(60).replace(/\d/g, '');
    if (r < 0.8) return pick(['', '1,2', 'x,y\n1,2', 'a,b\nc,d', '1,2\n1,3', '-1,2\n-3,4', 'NaN,1\nInfinity,2', '0,1\n0,2', '1;2;3\n4;5;6']);
    return `1,2\n${'3,4\n'.repeat(int(400, 600))}`;
  }
  let value = junk(12);
  while (options.includes(value)) value = junk(12);
  return value;
}

// Chapters per language with the figure ids they place.
function figurePages() {
  const found = [];
  for (const lang of onlyLang ? [onlyLang] : ['en', 'zh']) {
    const folder = path.join('content', lang);
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.mdx'))) {
      const text = readFileSync(path.join(folder, name), 'utf8');
      if (/^draft:\s*true/m.test(text)) continue;
      const slug = /^slug:\s*["']?([a-z0-9-]+)/m.exec(text)?.[1];
      for (const m of text.matchAll(/<Figure\s+id="([^"]+)"/g)) found.push({ lang, id: m[1], path: `/${lang}/${slug}/` });
    }
  }
  return found;
}

// What a figure shows: readout text, control values, painted pixels, and any NaN/Infinity on screen.
function snapshot(page, id) {
  return page.locator(`#fig-${id}`).evaluate((figure) => {
    const canvas = figure.querySelector('canvas.figure-canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted += 1;
    const controls = [...figure.querySelectorAll('[data-control]')].map((box) => {
      const checked = box.querySelector('input[type="radio"]:checked');
      const field = box.querySelector('input[type="range"], select, textarea');
      return `${box.dataset.control}=${checked?.value ?? field?.value ?? ''}`;
    });
    const note = [...figure.querySelectorAll('[data-note] p')].map((p) => p.textContent);
    const visible = [figure.querySelector('[data-readout]'), figure.querySelector('figcaption'), figure.querySelector('.figure-description')]
      .map((el) => el?.textContent ?? '')
      .join(' ');
    return {
      readout: figure.querySelector('[data-readout]').textContent,
      controls,
      painted,
      note,
      noteVisible: !figure.querySelector('[data-note]').hidden,
      bad: /NaN|Infinity|undefined/.test(visible),
    };
  });
}

async function main() {
  let server;
  let base = givenUrl.replace(/\/$/, '');
  if (!base) {
    const port = Number(process.env.PORT ?? 4332);
    server = await serveDist({ root: dir, port });
    base = `http://127.0.0.1:${port}`;
  }
  console.log(`fuzz-figures: seed ${seed}, ${runs} bad values per figure, against ${base}`);
  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  let loads = 0;
  let values = 0;
  try {
    for (const { lang, id, path: chapter } of figurePages()) {
      await page.goto(`${base}${chapter}#fig-${id}`);
      await page.waitForFunction(() => typeof window.__figuresReady === 'function');
      await page.evaluate(() => window.__figuresReady());
      const clean = await snapshot(page, id);
      const controls = await page.locator(`#fig-${id} [data-control]`).evaluateAll((boxes) =>
        boxes.map((box) => ({
          name: box.dataset.control,
          kind: box.querySelector('input[type="range"]') ? 'number' : box.querySelector('textarea') ? 'text' : 'choice',
          options: [...box.querySelectorAll('input[type="radio"], option')].map((o) => o.value),
        })),
      );
      let sent = 0;
      while (sent < runs) {
        const batch = [];
        while (batch.length < 40 && sent < runs) {
          const unknown = random() < 0.08;
          const control = pick(controls);
          const key = unknown ? `${id}.${junk(8) || 'zz'}` : `${id}.${control.name}`;
          if (unknown && controls.some((c) => `${id}.${c.name}` === key)) continue;
          const value = unknown ? junk(8) : badValue(control.kind, control.options);
          const next = new URLSearchParams([...batch, [key, value]]).toString();
          if (batch.length > 0 && next.length > 12000) break;
          batch.push([key, value]);
          sent += 1;
        }
        const url = `${base}${chapter}?${new URLSearchParams(batch).toString()}#fig-${id}`;
        await page.goto(url);
        await page.waitForFunction(() => typeof window.__figuresReady === 'function');
        await page.evaluate(() => window.__figuresReady());
        loads += 1;
        values += batch.length;
        const seen = await snapshot(page, id);
        const problem =
          seen.readout !== clean.readout ? 'readout differs from the defaults' :
          seen.controls.join('&') !== clean.controls.join('&') ? `controls moved: ${seen.controls.join('&')}` :
          !seen.noteVisible || seen.note.length !== batch.length ? `note lists ${seen.note.length} of ${batch.length} values` :
          seen.painted < 5000 ? 'blank chart' :
          seen.bad ? 'NaN/Infinity/undefined on screen' :
          errors.length ? `page error: ${errors.join(' | ')}` : '';
        if (problem) {
          console.error(`FAIL ${lang} ${id}: ${problem}\n  replay: node scripts/fuzz-figures.mjs --seed ${seed} --runs ${runs}\n  url: ${url.slice(0, 2000)}`);
          process.exitCode = 1;
          return;
        }
      }
      console.log(`  ${lang} ${id.padEnd(18)} ok (${sent} bad values)`);
    }
    console.log(`fuzz-figures: ${values} bad values in ${loads} page loads, all ignored with a note; no errors.`);
  } finally {
    await browser.close();
    server?.close();
  }
}

await main();
