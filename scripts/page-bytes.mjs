// Byte accounting of a built site, page by page (deterministic: reads files, no browser):
// - HTML, and the stylesheets linked in <head> (render-blocking CSS), raw and gzip;
// - JavaScript: inline scripts, every <script src> / modulepreload module and everything it imports, followed
//   recursively through the built chunks (static imports are "initial"; literal dynamic import()s, such as the
//   chart code a figure loads when it is drawn, are "lazy"), raw and gzip, each file counted once per page;
//   A figure's code is a chunk named after its id (src/lib/figures/loaders.ts: one dynamic import per figure), so a
//   dynamic import of another page's figure is not counted: a page loads only its own figures' code. "figureLoad" is
//   what a page has loaded once its figures are drawn: its initial JS plus the lazy chart and figure code (not the
//   chunks fetched only when the reader acts on a figure, such as the hover card: ON_INTERACTION_CHUNKS);
// - whether a page has figures, which of its JS files carry chart code (Chart.js or the figure scripts, recognised
//   by content and name), and render-blocking scripts (classic <script src> in <head> without defer/async).
// Used by tests/e2e/quality-static.spec.ts (budgets) and scripts/bench.mjs (the table).
//   node scripts/page-bytes.mjs [dist]   prints a table
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { init as lexerReady, parse as parseImports } from 'es-module-lexer';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { visit } from 'unist-util-visit';

/** Budgets (bytes, gzip), shared by the test and the bench. */
export const BUDGETS = {
  /** On a page without figures: every script it can load (js.all), lazy ones such as search included. */
  jsWithoutFigures: 10 * 1024,
  /** On a page with figures, counted once every figure is drawn (js.figureLoad): the page script, the figure island, the drawing kit and the page's figures. */
  jsWithFigures: 70 * 1024,
  /** Reported, not enforced: HTML plus render-blocking CSS fits the first round trips. */
  firstLoadTarget: 14 * 1024,
};

/** Chart.js (string literals that survive minification) and the figure system's scripts. */
const CHART_MARKERS = [/Canvas is already in use/, /is not a registered (?:controller|element|plugin|scale)/, /\bLineController\b/];
const FIGURE_FILE = /(?:^|[/._-])(?:figures?|chart)(?:[/._-]|$)/i;
/**
 * The figure island's chunk (src/scripts/figures/figure-island.ts). The page script imports it only on a chapter page
 * with a live figure (body.chapter-page, figure.figure-live[data-figure]: src/scripts/page.ts), so it is counted only
 * on such pages; the browser gates check that no other page requests it.
 */
export const ISLAND_CHUNK = 'figure-island';
/**
 * Chunks that figure code fetches only when the reader acts on a figure, not to draw it: the hover card
 * (src/scripts/figures/hover-card.ts, when a pointer first moves over a chart). Lazy, but not in figureLoad.
 */
export const ON_INTERACTION_CHUNKS = new Set(['hover-card']);
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

const gzipCache = new Map();
/** gzip size (zlib default level, what static hosts typically serve) and raw size of a file or string. */
function sizes(key, content) {
  let entry = gzipCache.get(key);
  if (!entry) {
    const buffer = typeof content === 'string' ? Buffer.from(content) : content;
    entry = { raw: buffer.length, gzip: gzipSync(buffer).length };
    if (key) gzipCache.set(key, entry);
  }
  return entry;
}

/** Every HTML file under `dist`, as absolute paths, sorted. */
export function htmlFiles(dist) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) out.push(full);
    }
  };
  walk(path.resolve(dist));
  return out.sort();
}

/** The URL path of a built HTML file ("/en/scaling-laws/"), base included. */
export function pagePath(dist, file, base = '/') {
  const rel = path.relative(path.resolve(dist), file).split(path.sep).join('/');
  return base + rel.replace(/(^|\/)index\.html$/, '$1');
}

function attr(node, name) {
  const value = node.properties?.[name];
  return Array.isArray(value) ? value.join(' ') : value;
}

const figureIdCache = new Map();
/** The ids of every figure placed anywhere in a build (data-figure attributes), cached per folder. */
export function siteFigureIds(dist) {
  const key = path.resolve(dist);
  let ids = figureIdCache.get(key);
  if (!ids) {
    ids = new Set();
    for (const file of htmlFiles(dist)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/<figure\b[^>]*\bdata-figure="([^"]+)"/g)) ids.add(match[1]);
    }
    figureIdCache.set(key, ids);
  }
  return ids;
}

/** The chunk name of a built file: "loss-vs-scale" for _astro/loss-vs-scale.Dyf9R2R8.js. */
function chunkName(file) {
  return path.basename(file).split('.')[0];
}

/** Maps a URL found in a page (absolute path or relative) to a file in dist, or undefined if it leaves the site. */
function localFile(dist, base, pageUrl, href) {
  const url = new URL(href, `http://site.invalid${pageUrl}`);
  if (url.origin !== 'http://site.invalid' || !url.pathname.startsWith(base)) return undefined;
  return path.join(path.resolve(dist), decodeURIComponent(url.pathname.slice(base.length)));
}

/** The imports of a built JS file: static and literal dynamic ones resolved to files; non-literal dynamic ones counted. */
function moduleImports(file) {
  const code = readFileSync(file, 'utf8');
  const [imports] = parseImports(code);
  const found = [];
  let opaque = 0;
  for (const entry of imports) {
    if (entry.d === -2) continue; // import.meta
    const dynamic = entry.d > -1;
    if (!entry.n) {
      opaque += 1; // e.g. import(`${base}pagefind/pagefind.js`): loaded only on demand, not part of the site's bundle
      continue;
    }
    if (!/^\.{1,2}\//.test(entry.n) && !entry.n.startsWith('/')) continue; // bare specifiers cannot occur in a build
    found.push({ file: entry.n.startsWith('/') ? undefined : path.resolve(path.dirname(file), entry.n), specifier: entry.n, dynamic });
  }
  return { code, found, opaque };
}

/**
 * Bytes of one built page. `base` is the site's base path ("/" or "/essay/").
 * Returns { page, file, html, blockingCss, firstLoad, js: { inline, initial, lazy, all, files }, hasFigures,
 * liveFigures, chartFiles, renderBlocking, eagerScripts, missing } with { raw, gzip } byte counts.
 */
export async function pageBytes(dist, file, { base = '/' } = {}) {
  await lexerReady;
  const page = pagePath(dist, file, base);
  const htmlText = readFileSync(file, 'utf8');
  const tree = unified().use(rehypeParse).parse(htmlText);
  const inline = [];
  const entries = []; // { url, inHead }
  const cssFiles = [];
  const renderBlocking = [];
  const eagerScripts = []; // external scripts in <head> fetched at the browser's default (high) priority
  let hasFigures = false;
  let chapterPage = false;
  let liveFigures = false;
  const figureIds = new Set();
  const walk = (node, inHead) => {
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const tag = node.tagName;
      if (tag === 'head') inHead = true;
      const classes = [attr(node, 'className') ?? ''].flat().join(' ').split(/\s+/);
      if (tag === 'body' && classes.includes('chapter-page')) chapterPage = true;
      if (tag === 'figure' && classes.includes('figure-live') && attr(node, 'dataFigure') !== undefined) liveFigures = true;
      if (tag === 'figure' && (attr(node, 'dataFigure') !== undefined || /(^|--)fig-/.test(String(attr(node, 'id') ?? '')))) {
        hasFigures = true;
        if (attr(node, 'dataFigure') !== undefined) figureIds.add(String(attr(node, 'dataFigure')));
      }
      if (tag === 'script') {
        const type = String(attr(node, 'type') ?? '').trim().toLowerCase();
        const src = attr(node, 'src');
        if (JS_TYPES.has(type)) {
          if (src) {
            entries.push(String(src));
            const deferred = type === 'module' || node.properties?.defer !== undefined || node.properties?.async !== undefined;
            if (inHead && !deferred) renderBlocking.push(String(src));
            if (inHead && String(attr(node, 'fetchPriority') ?? attr(node, 'fetchpriority') ?? '').toLowerCase() !== 'low') eagerScripts.push(String(src));
          } else {
            inline.push(node.children.map((child) => child.value ?? '').join(''));
          }
        }
      }
      if (tag === 'link') {
        const rel = String(attr(node, 'rel') ?? '').toLowerCase().split(/\s+/);
        const href = attr(node, 'href');
        if (href && rel.includes('modulepreload')) entries.push(String(href));
        const media = String(attr(node, 'media') ?? 'all').trim().toLowerCase();
        if (href && inHead && rel.includes('stylesheet') && !rel.includes('alternate') && !/^print$/.test(media)) cssFiles.push(String(href));
      }
    }
    for (const child of node.children ?? []) walk(child, inHead);
  };
  walk(tree, false);

  const missing = [];
  const allFigureIds = siteFigureIds(dist);
  const otherFigures = new Set(); // other pages' figure chunks, reachable through the figure registry, never loaded here
  // file -> { dynamic, figure }: dynamic is false once any static path reaches the file; figure is true once it is
  // reached through the figure system (a dynamic import made by, or of, chart/figure code), i.e. loads to draw a figure.
  const seen = new Map();
  let opaqueImports = 0;
  const queue = [];
  const isChart = (file) => {
    const text = readFileSync(file, 'utf8');
    return CHART_MARKERS.some((re) => re.test(text)) || FIGURE_FILE.test(path.basename(file));
  };
  for (const url of entries) {
    const target = localFile(dist, base, page, url);
    if (!target || !existsSync(target)) missing.push(url);
    else queue.push({ file: target, dynamic: false, figure: false });
  }
  while (queue.length) {
    const { file: current, dynamic, figure } = queue.shift();
    const known = seen.get(current);
    const state = { dynamic: known ? known.dynamic && dynamic : dynamic, figure: known ? known.figure || figure : figure };
    if (known && known.dynamic === state.dynamic && known.figure === state.figure) continue;
    seen.set(current, state);
    const { found, opaque } = moduleImports(current);
    opaqueImports += opaque;
    const fromChart = isChart(current);
    for (const child of found) {
      const target = child.file ?? localFile(dist, base, page, child.specifier);
      if (!target || !existsSync(target)) missing.push(child.specifier);
      else if (child.dynamic && allFigureIds.has(chunkName(target)) && !figureIds.has(chunkName(target))) otherFigures.add(chunkName(target));
      else if (child.dynamic && chunkName(target) === ISLAND_CHUNK && !(chapterPage && liveFigures)) continue;
      else {
        // Only code loaded for a figure passes that on: an initial file reached back from figure code (a figure chunk
        // importing the page script's shared code) is loaded anyway, and its own lazy imports (search) are not figures'.
        const viaFigure =
          !ON_INTERACTION_CHUNKS.has(chunkName(target)) &&
          ((state.figure && state.dynamic) || (child.dynamic && (fromChart || isChart(target) || figureIds.has(chunkName(target)))));
        queue.push({ file: target, dynamic: state.dynamic || child.dynamic, figure: viaFigure });
      }
    }
  }

  const sum = (list) => list.reduce((acc, s) => ({ raw: acc.raw + s.raw, gzip: acc.gzip + s.gzip }), { raw: 0, gzip: 0 });
  const distRoot = path.resolve(dist);
  const files = [...seen].map(([jsFile, { dynamic, figure }]) => {
    const content = readFileSync(jsFile);
    return { file: path.relative(distRoot, jsFile).split(path.sep).join('/'), dynamic, figure: dynamic && figure, chart: isChart(jsFile), ...sizes(jsFile, content) };
  });
  const inlineSizes = inline.map((text) => sizes(undefined, text));
  const inlineTotal = sum(inlineSizes);
  const initial = sum([inlineTotal, ...files.filter((f) => !f.dynamic)]);
  const lazy = sum(files.filter((f) => f.dynamic));
  const figureLoad = sum([initial, ...files.filter((f) => f.figure)]);
  const css = cssFiles.map((href) => {
    const target = localFile(dist, base, page, href);
    if (!target || !existsSync(target) || !statSync(target).isFile()) {
      missing.push(href);
      return { raw: 0, gzip: 0 };
    }
    return sizes(target, readFileSync(target));
  });
  const html = sizes(undefined, htmlText);
  const blockingCss = { ...sum(css), files: cssFiles };
  return {
    page,
    file,
    html,
    blockingCss,
    firstLoad: sum([html, blockingCss]),
    js: { inline: inlineTotal, initial, lazy, all: sum([initial, lazy]), figureLoad, files, opaqueImports },
    hasFigures,
    liveFigures: chapterPage && liveFigures,
    figureIds: [...figureIds],
    otherFigures: [...otherFigures],
    chartFiles: files.filter((f) => f.chart).map((f) => f.file),
    renderBlocking,
    eagerScripts,
    missing,
  };
}

/** pageBytes() for every HTML page of a build. */
export async function siteBytes(dist, options = {}) {
  const out = [];
  for (const file of htmlFiles(dist)) out.push(await pageBytes(dist, file, options));
  return out;
}

/** The budget problems of one page (empty when within budget). */
export function budgetProblems(bytes) {
  const problems = [];
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  if (bytes.renderBlocking.length) problems.push(`render-blocking scripts in <head>: ${bytes.renderBlocking.join(', ')}`);
  if (bytes.eagerScripts.length) problems.push(`scripts in <head> without fetchpriority="low" (they compete with the CSS and fonts of the first screen): ${bytes.eagerScripts.join(', ')}`);
  if (bytes.missing.length) problems.push(`referenced JS/CSS files missing from the build: ${bytes.missing.join(', ')}`);
  if (bytes.hasFigures) {
    if (bytes.js.figureLoad.gzip > BUDGETS.jsWithFigures) {
      problems.push(`JS ${kb(bytes.js.figureLoad.gzip)} gzip once its figures are drawn (page scripts + chart and figure code) exceeds ${kb(BUDGETS.jsWithFigures)} on a page with figures`);
    }
  } else {
    if (bytes.chartFiles.length) problems.push(`chart code on a page without figures: ${bytes.chartFiles.join(', ')}`);
    if (bytes.js.all.gzip > BUDGETS.jsWithoutFigures) problems.push(`JS ${kb(bytes.js.all.gzip)} gzip exceeds ${kb(BUDGETS.jsWithoutFigures)} on a page without figures`);
  }
  return problems;
}

/** Rows for console.table: one per page, sizes in KB (gzip unless marked raw). */
export function bytesTable(all) {
  const kb = (n) => Number((n / 1024).toFixed(1));
  return all.map((b) => ({
    page: b.page,
    figures: b.hasFigures ? 'yes' : '',
    'HTML raw': kb(b.html.raw),
    'HTML gz': kb(b.html.gzip),
    'CSS gz': kb(b.blockingCss.gzip),
    'HTML+CSS gz': kb(b.firstLoad.gzip),
    '≤14': b.firstLoad.gzip <= BUDGETS.firstLoadTarget ? 'ok' : 'over',
    'JS raw': kb(b.js.all.raw),
    'JS initial gz': kb(b.js.initial.gzip),
    'JS drawn gz': b.hasFigures ? kb(b.js.figureLoad.gzip) : '',
    'JS all gz': kb(b.js.all.gzip),
    budget: kb(b.hasFigures ? BUDGETS.jsWithFigures : BUDGETS.jsWithoutFigures),
  }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = process.argv[2] ?? 'dist';
  const all = await siteBytes(dist, { base: process.env.BASE_PATH ?? '/' });
  console.table(bytesTable(all));
  const problems = all.flatMap((b) => budgetProblems(b).map((p) => `${b.page}: ${p}`));
  if (problems.length) {
    console.log(problems.join('\n'));
    process.exitCode = 1;
  }
}
