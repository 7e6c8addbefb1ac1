// The benchmark: `npm run bench`. Builds the site into .tmp/bench-dist (cold cache, timed: total and per chapter page),
// then prints one table and writes it as JSON to bench-results/ (git-ignored):
//   - per page: build time, HTML / CSS / JS bytes (raw and gzip), and for chapter pages Lighthouse 12 mobile scores
//     (performance, accessibility, best practices, SEO) with LCP, TBT and CLS;
//   - site-wide: build time, p95 chart redraw latency (scripts/bench-figures.mjs, when it exists), the scaling
//     module's throughput (scripts/bench-lib.mjs), PDF build time and size per language (scripts/build-pdf.mjs), and
//     the synthetic scale test (scripts/scale-test.mjs: build time with 0 to 200 extra chapters, linear or not).
// Flags: `npm run bench -- --help` (scripts/bench-args.mjs).
// Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium); Lighthouse takes ~20–30 s a page.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumPath, launchOptions } from './chromium.mjs';
import { computeMedianRun, filterToValidRuns } from 'lighthouse/core/lib/median-run.js';
import { serveDist } from './serve-dist.mjs';
import { siteBytes, BUDGETS } from './page-bytes.mjs';
import { buildSite, growthRows, runScaleTest, scaleTable } from './scale-test.mjs';
import { runLibBench } from './bench-lib.mjs';
import { buildPdf, pdfName } from './build-pdf.mjs';
import { parseBenchArgs, USAGE } from './bench-args.mjs';
import { longestTaskMs, medianTbtMs, tbtAgainstTasks } from './lighthouse-tasks.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, '.tmp/bench-dist');
const CACHE = path.join(ROOT, '.tmp/bench-cache');
const RESULTS = path.join(ROOT, 'bench-results');
const PORT = Number(process.env.BENCH_PORT ?? 4370);
const TLS_DIR = path.join(ROOT, '.tmp/bench-tls');
const execFileAsync = promisify(execFile);

const TARGETS = { score: 100, lcpSeconds: 1.5, tbtMs: 50, cls: 0 };

// The control: a page with one paragraph, no stylesheet and no script, run through Lighthouse like the chapters. Its
// TBT is what this machine and Chromium cost before any page of ours does anything, so a chapter's TBT can be read
// against it (on a shared two-core machine it ranged 0–120 ms over five runs).
const CONTROL_DIR = path.join(ROOT, '.tmp/bench-control');
const CONTROL_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Control</title><meta name="description" content="An empty page"></head><body><main><p>One paragraph and nothing else.</p></main></body></html>\n';

/** A throwaway self-signed key and certificate for 127.0.0.1 (PEM), made with openssl; valid for two days. */
async function localCertificate() {
  mkdirSync(TLS_DIR, { recursive: true });
  const key = path.join(TLS_DIR, 'key.pem');
  const cert = path.join(TLS_DIR, 'cert.pem');
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert];
  try {
    await execFileAsync('openssl', args);
  } catch (error) {
    throw new Error(`--https needs the openssl command to make a local certificate: ${error.message.split('\n')[0]}`);
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

const log = (message) => console.error(`[bench] ${message}`);

/**
 * One Lighthouse 12 report (CLI, mobile defaults: emulated phone, simulated slow 4G and CPU) of one URL. An https URL
 * is the bench's own server with its self-signed certificate, which Chromium is told to accept.
 */
async function lighthouseReport(url) {
  const acceptLocalCertificate = url.startsWith('https:') ? ' --ignore-certificate-errors' : '';
  const { stdout } = await execFileAsync(
    path.join(ROOT, 'node_modules/.bin/lighthouse'),
    [
      url,
      `--chrome-flags=--headless=new --no-sandbox --disable-gpu${acceptLocalCertificate}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--output=json',
      '--quiet',
    ],
    { env: { ...process.env, CHROME_PATH: chromiumPath || process.env.CHROME_PATH }, maxBuffer: 1 << 28 },
  );
  return JSON.parse(stdout);
}

/**
 * Lighthouse on one URL, `runs` times: the scores and metrics of the median run (Lighthouse's own computeMedianRun,
 * the run nearest the median FCP and TTI), plus the LCP range over all runs, since one run on a shared machine can
 * land far from the others.
 */
async function lighthouse(url, runs) {
  const started = performance.now();
  const reports = [];
  for (let i = 0; i < runs; i += 1) reports.push(await lighthouseReport(url));
  const report = computeMedianRun(filterToValidRuns(reports));
  const lcps = reports.map((r) => r.audits['largest-contentful-paint'].numericValue / 1000);
  // Each run's TBT beside its longest observed task and the machine's speed, kept in the JSON.
  const perRun = reports.map((r) => ({
    tbtMs: r.audits['total-blocking-time'].numericValue,
    longestTaskMs: longestTaskMs(r),
    benchmarkIndex: r.environment.benchmarkIndex,
  }));
  const tbts = perRun.map((r) => r.tbtMs);
  const cpu = perRun.map((r) => r.benchmarkIndex).sort((a, b) => a - b);
  const score = (id) => Math.round((report.categories[id]?.score ?? NaN) * 100);
  const failing = [];
  for (const category of Object.values(report.categories)) {
    for (const ref of category.auditRefs) {
      const audit = report.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${category.id}:${ref.id}`);
    }
  }
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpSeconds: report.audits['largest-contentful-paint'].numericValue / 1000,
    tbtMs: report.audits['total-blocking-time'].numericValue,
    // The longest main-thread task as observed in the median run; Lighthouse replays a layout task at 2 × this.
    longestTaskMs: perRun[reports.indexOf(report)].longestTaskMs,
    cls: report.audits['cumulative-layout-shift'].numericValue,
    fcpSeconds: report.audits['first-contentful-paint'].numericValue / 1000,
    lcpRangeSeconds: [Math.min(...lcps), Math.max(...lcps)],
    tbtRangeMs: [Math.min(...tbts), Math.max(...tbts)],
    tbtMedianMs: medianTbtMs(reports),
    // Lighthouse's own measure of this machine's CPU speed during the runs (median); TBT scales with its inverse.
    benchmarkIndex: cpu[cpu.length >> 1],
    runs,
    perRun,
    failing,
    seconds: (performance.now() - started) / 1000,
  };
}

const fmt = {
  kb: (n) => (n === undefined ? '' : (n / 1024).toFixed(1)),
  s: (n, d = 2) => (n === undefined || Number.isNaN(n) ? '' : n.toFixed(d)),
  ms: (n) => (n === undefined || Number.isNaN(n) ? '' : String(Math.round(n))),
};

/** Prints rows as one aligned table: a per-page block, then a site-wide block, with a line of targets. */
function printTable(result) {
  const header = ['page', 'build ms', 'HTML raw', 'HTML gz', 'CSS gz', 'JS raw', 'JS gz', 'Perf', 'A11y', 'BP', 'SEO', 'LCP s', 'TBT ms', 'task ms', 'CLS'];
  const targets = ['target', '', '', '', '', '', `≤${BUDGETS.jsWithoutFigures / 1024}/${BUDGETS.jsWithFigures / 1024}`, '100', '100', '100', '100', `≤${TARGETS.lcpSeconds}`, `≤${TARGETS.tbtMs}`, '', '0'];
  const rows = result.pages.map((p) => {
    const lh = p.lighthouse;
    return [
      p.page + (p.hasFigures ? ' ◆' : ''),
      fmt.ms(p.buildMs),
      fmt.kb(p.html.raw),
      fmt.kb(p.html.gzip),
      fmt.kb(p.css.gzip),
      fmt.kb(p.js.raw),
      fmt.kb(p.js.gzip),
      lh ? String(lh.performance) : '',
      lh ? String(lh.accessibility) : '',
      lh ? String(lh.bestPractices) : '',
      lh ? String(lh.seo) : '',
      lh ? fmt.s(lh.lcpSeconds) : '',
      lh ? fmt.ms(lh.tbtMs) : '',
      lh ? fmt.ms(lh.longestTaskMs) : '',
      lh ? fmt.s(lh.cls, 3) : '',
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, targets[c].length, ...rows.map((r) => r[c].length)));
  const line = (cells) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' │ ');
  const total = widths.reduce((a, b) => a + b, 0) + 3 * (widths.length - 1);
  const rule = '─'.repeat(total);
  const out = [rule, line(header), line(targets), rule, ...rows.map(line), rule];
  const metricWidth = Math.max(9, ...result.summary.map(([metric]) => metric.length));
  const valueWidth = Math.min(72, Math.max(5, ...result.summary.map(([, value]) => String(value).length)));
  out.push(`${'site-wide'.padEnd(metricWidth)} │ ${'value'.padEnd(valueWidth)} │ target`);
  out.push(rule);
  for (const [metric, value, target = ''] of result.summary) out.push(`${metric.padEnd(metricWidth)} │ ${String(value).padEnd(valueWidth)} │ ${target}`);
  out.push(rule);
  out.push('sizes in KB; JS = every script a page can load, or on figure pages (◆) what it has loaded once its figures are drawn; Lighthouse: mobile, simulated throttling;');
  out.push('task = the longest main-thread task as measured in the median run, before the simulation slows it down (a layout task counts 2 ×)');
  console.log(out.join('\n'));
}

async function main() {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const options = parseBenchArgs(process.argv.slice(2));
  const started = new Date();
  const result = { date: started.toISOString(), node: process.version, options: { ...options, lighthousePages: Number.isFinite(options.lighthousePages) ? options.lighthousePages : 'all' }, pages: [], summary: [] };

  // 1. Build (cold), timed.
  let build;
  if (options.build) {
    log('building the site into .tmp/bench-dist (cold cache)…');
    build = await buildSite({ outDir: OUT, cacheDir: CACHE });
    log(`built in ${build.seconds.toFixed(1)} s`);
  } else if (!existsSync(OUT)) throw new Error('--skip-build needs a previous build in .tmp/bench-dist');
  const chapterTimings = Object.entries(build?.pages ?? {}).filter(([p]) => /^\/(zh|en)\/[a-z0-9-]+\/$/.test(p) && !/\/(book|bibliography)\/$/.test(p));

  // 2. Bytes per page.
  const bytes = await siteBytes(OUT);
  const chapterPage = (p) => /^\/(zh|en)\/[a-z0-9-]+\/$/.test(p) && !/\/(book|bibliography)\/$/.test(p);
  const ordered = [...bytes.filter((b) => chapterPage(b.page)), ...bytes.filter((b) => !chapterPage(b.page))];
  result.pages = ordered.map((b) => ({
    page: b.page,
    hasFigures: b.hasFigures,
    buildMs: build?.pages[b.page],
    html: b.html,
    css: b.blockingCss,
    firstLoad: b.firstLoad,
    js: b.hasFigures ? b.js.figureLoad : b.js.all,
    jsInitial: b.js.initial,
    jsAll: b.js.all,
  }));

  const server = await serveDist({ root: OUT, port: PORT });
  const baseUrl = `http://127.0.0.1:${PORT}/`;
  // With --https, Lighthouse alone goes to a second server speaking HTTPS and HTTP/2; the rest stays on plain HTTP.
  const tls = options.lighthouse && options.https ? await localCertificate() : undefined;
  const secure = tls ? await serveDist({ root: OUT, port: PORT + 1, tls }) : undefined;
  const lighthouseBase = secure ? `https://127.0.0.1:${PORT + 1}/` : baseUrl;
  try {
    // 3. Lighthouse on chapter pages.
    if (options.lighthouse) {
      const targets = result.pages.filter((p) => chapterPage(p.page)).slice(0, options.lighthousePages);
      log(`Lighthouse is served over ${secure ? 'HTTPS with HTTP/2' : 'plain HTTP/1.1'}`);
      for (const [i, p] of targets.entries()) {
        log(`Lighthouse ${i + 1}/${targets.length}: ${p.page}`);
        try {
          p.lighthouse = await lighthouse(`${lighthouseBase}${p.page.slice(1)}`, options.lighthouseRuns);
        } catch (error) {
          log(`Lighthouse failed on ${p.page}: ${error.message.split('\n')[0]}`);
        }
      }
      mkdirSync(CONTROL_DIR, { recursive: true });
      writeFileSync(path.join(CONTROL_DIR, 'index.html'), CONTROL_HTML);
      // Served as the chapters are (HTTPS and HTTP/2 under --https), so the two are measured alike.
      const control = await serveDist({ root: CONTROL_DIR, port: PORT + 2, tls });
      try {
        log('Lighthouse: the control page');
        result.control = await lighthouse(`${tls ? 'https' : 'http'}://127.0.0.1:${PORT + 2}/`, options.lighthouseRuns);
      } catch (error) {
        log(`Lighthouse failed on the control page: ${error.message.split('\n')[0]}`);
      } finally {
        control.close();
      }
    }

    // 4. Chart redraw latency (figures' own benchmark, when it exists).
    let redraw = 'n/a (scripts/bench-figures.mjs not found)';
    let figureTarget = '?';
    const figuresBench = path.join(ROOT, 'scripts/bench-figures.mjs');
    if (options.figures && existsSync(figuresBench)) {
      try {
        const module = await import(pathToFileURL(figuresBench).href);
        figureTarget = module.TARGETS?.p95Ms ?? '?';
        if (typeof module.runFigureBench !== 'function') redraw = 'n/a (bench-figures.mjs exports no runFigureBench)';
        else {
          log('chart redraw benchmark (scripts/bench-figures.mjs)…');
          const figures = await module.runFigureBench({ baseUrl: baseUrl.replace(/\/$/, ''), log: (m) => console.error(m) });
          result.figures = figures;
          const latency = Object.entries(figures.latency ?? {});
          const p95s = latency.map(([, l]) => l.p95).filter((n) => Number.isFinite(n));
          redraw = p95s.length
            ? `worst figure ${Math.max(...p95s).toFixed(1)} ms (${latency.map(([id, l]) => `${id} ${l.p95.toFixed(1)}`).join(', ')})`
            : 'n/a (no redraws measured)';
          if (figures.errors?.length) redraw += `; page errors: ${figures.errors.length}`;
        }
      } catch (error) {
        redraw = `n/a (failed: ${error.message.split('\n')[0]})`;
      }
    } else if (!options.figures) redraw = 'skipped';

    // 5. Scaling module throughput.
    log('scaling module benchmark…');
    const lib = await runLibBench();
    result.lib = lib;

    // 6. PDF per language.
    const pdfs = [];
    if (options.pdf) {
      const browser = await chromium.launch(launchOptions);
      mkdirSync(path.join(OUT, 'pdf'), { recursive: true });
      try {
        for (const lang of ['zh', 'en']) {
          log(`PDF (${lang})…`);
          pdfs.push(await buildPdf({ lang, baseUrl, outFile: path.join(OUT, 'pdf', pdfName(lang)), browser }));
        }
      } finally {
        await browser.close();
      }
    }
    result.pdf = pdfs.map(({ lang, pages, bytes: size, seconds }) => ({ lang, pages, bytes: size, seconds }));

    // Site-wide rows.
    const lh = result.pages.filter((p) => p.lighthouse).map((p) => p.lighthouse);
    const min = (key) => (lh.length ? Math.min(...lh.map((x) => x[key])) : undefined);
    const max = (key) => (lh.length ? Math.max(...lh.map((x) => x[key])) : undefined);
    const chapterMs = chapterTimings.map(([, ms]) => ms).sort((a, b) => a - b);
    const summary = result.summary;
    if (build) {
      summary.push(['build: total (astro + pagefind)', `${build.seconds.toFixed(1)} s (astro ${build.astroSeconds.toFixed(1)} s, pagefind ${build.pagefindSeconds.toFixed(1)} s)`]);
      summary.push(['build: per chapter page (Astro render)', `median ${chapterMs[chapterMs.length >> 1]} ms, max ${chapterMs.at(-1)} ms, sum ${chapterMs.reduce((a, b) => a + b, 0)} ms over ${chapterMs.length}`]);
      result.build = { seconds: build.seconds, astroSeconds: build.astroSeconds, pagefindSeconds: build.pagefindSeconds, pages: build.pages };
    }
    if (lh.length) {
      summary.push(['Lighthouse (worst of chapter pages)', `perf ${min('performance')}, a11y ${min('accessibility')}, BP ${min('bestPractices')}, SEO ${min('seo')}`, '100 / 100 / 100 / 100']);
      const within = lh.filter((x) => x.lcpSeconds <= TARGETS.lcpSeconds).length;
      const spread = Math.max(...lh.map((x) => x.lcpRangeSeconds[1] - x.lcpRangeSeconds[0]));
      const tbtSpread = Math.max(...lh.map((x) => x.tbtRangeMs[1] - x.tbtRangeMs[0]));
      const widest = `widest range on one page: LCP ${fmt.s(spread)} s, TBT ${fmt.ms(tbtSpread)} ms`;
      summary.push(['Lighthouse runs per page', `${lh[0].runs} (the median run is reported); ${widest}`]);
      const cpu = lh.map((x) => x.benchmarkIndex).sort((a, b) => a - b);
      const cpuText = `median ${Math.round(cpu[cpu.length >> 1])} (pages ${Math.round(cpu[0])}–${Math.round(cpu.at(-1))})`;
      summary.push(['Lighthouse CPU benchmark index', `${cpuText}; Lighthouse's own measure of the machine, higher is faster`]);
      summary.push(['Lighthouse served over', secure ? 'HTTPS with HTTP/2 (--https)' : 'plain HTTP/1.1 (--https for HTTPS with HTTP/2)']);
      summary.push(['pages with perf 100 / LCP within target', `${lh.filter((x) => x.performance === 100).length} / ${within} of ${lh.length}`, `${lh.length} / ${lh.length}`]);
      const tbtWithin = lh.filter((x) => x.tbtMs <= TARGETS.tbtMs).length;
      const tbtWithinOnce = lh.filter((x) => x.tbtRangeMs[0] <= TARGETS.tbtMs).length;
      const tbtWithinMedian = lh.filter((x) => x.tbtMedianMs <= TARGETS.tbtMs).length;
      const tbtText = `${tbtWithin} of ${lh.length} in the median run, ${tbtWithinMedian} by the median TBT of the runs, ${tbtWithinOnce} in at least one run`;
      summary.push(['pages with TBT within target', tbtText, `${lh.length} / ${lh.length}`]);
      const tasks = result.pages.filter((p) => p.lighthouse).map((p) => ({ page: p.page, ...p.lighthouse }));
      summary.push(['TBT against the longest task (median runs)', tbtAgainstTasks(tasks, TARGETS.tbtMs), 'a layout task counts 2 × its length, any other 4 ×, less 50 ms each']);
      summary.push(['LCP / TBT / CLS (worst)', `${fmt.s(max('lcpSeconds'))} s / ${fmt.ms(max('tbtMs'))} ms / ${fmt.s(max('cls'), 3)}`, `≤ ${TARGETS.lcpSeconds} s / ≤ ${TARGETS.tbtMs} ms / 0`]);
      const c = result.control;
      if (c) {
        const controlText = `TBT ${fmt.ms(c.tbtMs)} ms in the median run (${fmt.ms(c.tbtRangeMs[0])}–${fmt.ms(c.tbtRangeMs[1])} ms over ${c.runs}), perf ${c.performance}, LCP ${fmt.s(c.lcpSeconds)} s`;
        summary.push(['control: one paragraph, no CSS or JS', controlText, 'what the machine alone costs']);
      }
      const failing = [...new Set(lh.flatMap((x) => x.failing))];
      summary.push(['Lighthouse audits below 1 (any page)', failing.join(', ') || 'none']);
    }
    summary.push(['chart redraw latency p95 (input → redrawn)', redraw, `≤ ${figureTarget} ms (bench-figures)`]);
    const rate = (r) => {
      const perSecond = (r.operations / r.medianMs) * 1000;
      const text = perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(1)} M/s` : `${(perSecond / 1e3).toFixed(1)} k/s`;
      return `${text} (median ${r.medianMs.toFixed(1)} ms per ${r.operations.toLocaleString('en')})`;
    };
    // Beside each loss function, the same formula written inline with no checks: this machine's floor for its logs
    // and exps, against which the module's own cost (argument checks, the overflow fallback) can be read.
    const inline = (r) => `the bare formula inline: ${r.medianMs.toFixed(1)} ms`;
    const target = (r) => `${r.withinTarget ? 'within' : 'MISSED'}: ${r.targetText}, ${r.targetMs.toFixed(1)} ms here`;
    summary.push(['scaling: chinchillaLoss evaluations', `${rate(lib.results.chinchillaLoss)}; ${inline(lib.reference.chinchillaFormulaInline)}`, target(lib.results.chinchillaLoss)]);
    summary.push(['scaling: kaplanLoss evaluations', `${rate(lib.results.kaplanLoss)}; ${inline(lib.reference.kaplanFormulaInline)}`, target(lib.results.kaplanLoss)]);
    summary.push(['scaling: chinchillaLossCurve points', rate(lib.results.chinchillaLossCurve), target(lib.results.chinchillaLossCurve)]);
    summary.push(['scaling: fitPowerLaw points', rate(lib.results.fitPowerLaw)]);
    summary.push(['scaling: fitSaturatingPowerLaw points', rate(lib.results.fitSaturatingPowerLaw)]);
    for (const pdf of result.pdf) summary.push([`PDF ${pdf.lang}`, `${pdf.seconds.toFixed(1)} s, ${pdf.pages} pages, ${(pdf.bytes / 1024 / 1024).toFixed(2)} MB`]);
    if (!options.pdf) summary.push(['PDF', 'skipped']);
  } finally {
    server.close();
    secure?.close();
  }

  // 7. Scale test (its own builds; after the server is down so nothing else competes for the CPU).
  if (options.scale.length) {
    log(`scale test with ${options.scale.join(', ')} extra chapters…`);
    const scale = await runScaleTest({ steps: options.scale, log });
    result.scale = scale;
    for (const s of scale.steps) {
      const builds = s.builds.length > 1 ? ` (fastest of ${s.builds.map((b) => b.toFixed(1)).join(' and ')})` : '';
      result.summary.push([`scale: ${s.chapters} chapters × 2 (+${s.extra})`, `${s.seconds.toFixed(1)} s${builds} (CPU ${s.cpuSeconds.toFixed(1)} s), ${s.secondsPerChapter.toFixed(2)} s per chapter, peak memory ${s.peakMemoryMB.toFixed(0)} MB, median page ${s.medianChapterPageMs} ms, book ${s.bookPageMs} ms`]);
    }
    for (const [label, text] of growthRows(scale)) result.summary.push([`scale: ${label}`, text, ...(label.startsWith('growth (') ? ['linear (ratio ≈ 1)'] : [])]);
    log(`\n${scaleTable(scale)}`);
  }

  printTable(result);
  mkdirSync(RESULTS, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(path.join(RESULTS, `bench-${stamp}.json`), json);
  writeFileSync(path.join(RESULTS, 'latest.json'), json);
  log(`wrote bench-results/bench-${stamp}.json and bench-results/latest.json`);
}

try {
  await main();
} catch (error) {
  // A bad flag is the reader's to fix: say which, without a stack trace. Anything else is a bug and keeps its trace.
  if (!(error instanceof RangeError)) throw error;
  log(error.message);
  process.exit(2);
}
