// Quality gates that read the built site from disk (run by Playwright because `npm test` builds after Vitest):
// valid HTML, links and anchors, byte budgets, the Content-Security-Policy's wiring, self-contained assets.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { visit } from 'unist-util-visit';
import type { Element, Root, RootContent } from 'hast';
import { BUDGETS, budgetProblems, bytesTable, pageBytes, siteBytes } from '../../scripts/page-bytes.mjs';
import { checkLinks } from '../../scripts/check-links.mjs';
import { checkPage, cspHeaderValue, cspMetaContent, inspectPage } from '../../src/lib/csp';
import { BASE, DIST, PAGES, SITE } from './quality-pages';

test('the static gates have a built site to check', () => {
  expect(PAGES.filter((p) => p.kind === 'chapter').length, `no chapters in ${DIST}: build first`).toBeGreaterThan(1);
  for (const kind of ['contents', 'bibliography', 'book', 'root'] as const) expect(PAGES.some((p) => p.kind === kind), kind).toBe(true);
});

// Valid HTML: html-validate with .htmlvalidate.json (html-validate:recommended minus three rules that contradict
// legitimate output; the reasons are in the list below, since JSON has no comments).
const DISABLED_RULES = {
  'no-inline-style': 'KaTeX positions every formula with style="" attributes (heights, vertical-align, struts)',
  'doctype-style': 'purely stylistic; the book pages are re-serialised by rehype-stringify, which writes <!doctype html> in lower case',
  'no-trailing-whitespace': "a style rule for hand-written files; Astro's compiler collapses template whitespace to one space, which may end a line of generated HTML",
};
const validator = new HtmlValidate(new FileSystemConfigLoader());

test('.htmlvalidate.json extends the recommended rules and disables only the documented ones', () => {
  const config = JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')) as { extends: string[]; rules?: Record<string, unknown> };
  expect(config.extends).toContain('html-validate:recommended');
  for (const [rule, level] of Object.entries(config.rules ?? {})) {
    if (level === 'off' || level === 0) expect(Object.keys(DISABLED_RULES), `rule ${rule} is off without a reason`).toContain(rule);
  }
});

for (const sitePage of PAGES) {
  test(`${sitePage.path}: valid HTML (html-validate)`, async () => {
    const report = await validator.validateFile(sitePage.file);
    const messages = report.results.flatMap((result) =>
      result.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}${m.selector ? ` [${m.selector}]` : ''}`),
    );
    expect(messages, `html-validate errors in ${sitePage.file}`).toEqual([]);
  });
}

// Links: every internal link and #anchor resolves (in both languages and across them); external URLs are well-formed.
for (const sitePage of PAGES) {
  test(`${sitePage.path}: every link and #anchor resolves`, () => {
    const [result] = checkLinks(DIST, { base: BASE, site: SITE, pages: [sitePage.file] }).pages;
    expect(result!.links).toBeGreaterThan(0);
    expect(result!.problems, `broken links on ${sitePage.path}`).toEqual([]);
  });
}

// Typography: the English edition writes quotation marks and apostrophes as a printed book does (“ ” ‘ ’), never
// as typewriter ones. Smartypants turns the chapters' own; front-matter and the figures' strings are written so.
// Code, formulas and scripts keep theirs. Words a reader sees in attributes (alt text, tooltips, labels) and the
// descriptions that link previews show count too.
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea', 'math', 'template']);
const SHOWN_ATTRIBUTES = ['alt', 'title', 'ariaLabel', 'placeholder'];
const PREVIEW_TEXT = new Set(['description', 'og:title', 'og:description', 'twitter:title', 'twitter:description']);

/** Each straight quote in what a reader of a page sees, with the words around it. */
function straightQuotes(html: string): string[] {
  const found: string[] = [];
  const look = (text: string, where: string) => {
    for (const m of text.matchAll(/["']/g)) found.push(`${where}: …${text.slice(Math.max(0, m.index - 40), m.index + 20)}…`);
  };
  const walk = (node: Root | RootContent) => {
    if (node.type === 'text') return look(node.value, 'text');
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const el = node as Element;
      const classes = (el.properties.className as string[] | undefined) ?? [];
      if (VERBATIM.has(el.tagName) || classes.includes('katex')) return;
      for (const name of SHOWN_ATTRIBUTES) if (typeof el.properties[name] === 'string') look(el.properties[name], `@${name}`);
      const meta = String(el.properties.name ?? el.properties.property ?? '');
      if (el.tagName === 'meta' && PREVIEW_TEXT.has(meta)) look(String(el.properties.content ?? ''), `meta ${meta}`);
    }
    for (const child of node.children) walk(child);
  };
  walk(unified().use(rehypeParse).parse(html));
  return found;
}

for (const sitePage of PAGES.filter((p) => p.lang === 'en')) {
  test(`${sitePage.path}: typographic quotes and apostrophes, not straight ones`, () => {
    const html = readFileSync(sitePage.file, 'utf8');
    // The premise: the page has words with apostrophes or quotations to get right.
    expect(html).toMatch(/[’“]/);
    expect(straightQuotes(html), `straight quotes on ${sitePage.path}`).toEqual([]);
  });
}

// Typography: the Chinese edition sets no space against full-width punctuation. A full-width bracket or comma
// carries its own white space, so a space beside one (before a citation's “（”, after its “）”) shows as a gap twice
// as wide.
// Nor does it set a half-width comma, semicolon, colon, ! or ? against a Chinese character (“印刷值: N”), where the
// full-width mark belongs. Half-width brackets stay allowed: equation numbers are written (10.3) in both editions.
const BLOCKS = new Set(['p', 'li', 'dd', 'dt', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'figcaption', 'blockquote', 'div', 'section', 'title', 'summary', 'label', 'button', 'a']);

// Spans the stylesheets set as blocks: a figure's source line, a reference's “cited in” line.
const BLOCK_CLASSES = ['figure-source', 'cited-in'];
const isBlock = (el: Element) => BLOCKS.has(el.tagName) || ((el.properties.className as string[] | undefined) ?? []).some((c) => BLOCK_CLASSES.includes(c));

/** The text a reader of a page sees, with a line break around each block and □ for each formula. */
function visibleText(html: string): string {
  let text = '';
  const walk = (node: Root | RootContent) => {
    if (node.type === 'text') text += node.value;
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const classes = (node.properties.className as string[] | undefined) ?? [];
      // A formula counts as one character, so that a space between it and the punctuation is still found. A text
      // field's stand-in (data the reader may edit) is a box of its own, set as a block by figures.css.
      if (classes.includes('figure-field-twin')) return void (text += '\n□\n');
      if (VERBATIM.has(node.tagName) || classes.includes('katex')) return void (text += '□');
      if (isBlock(node)) text += '\n';
    }
    for (const child of node.children) walk(child);
    if (node.type === 'element' && isBlock(node)) text += '\n';
  };
  walk(unified().use(rehypeParse).parse(html));
  return text;
}

// Each built page's visible text, read and parsed once (two checks below read each Chinese page).
const visibleTexts = new Map<string, string>();
const visibleTextOf = (file: string) => visibleTexts.get(file) ?? visibleTexts.set(file, visibleText(readFileSync(file, 'utf8'))).get(file)!;

/** Each space set against full-width punctuation, or half-width punctuation set against a Chinese character, in a
 * page's visible text, with the words around it. */
function chinesePunctuationProblems(text: string): string[] {
  // A space after a full-width mark counts where text follows on the same line (not before a footnote's ↩ link).
  const problems = /[ \u00a0]+[（，。：；、！？）」』]|[（「『，。：；、！？）」』][ \u00a0]+(?=[^\s↩])|[\u4e00-\u9fff][,;:!?]|[,;:!?][\u4e00-\u9fff]/g;
  return [...text.matchAll(problems)].map(
    (m) => `…${text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 12)}…`,
  );
}

for (const sitePage of PAGES.filter((p) => p.lang === 'zh')) {
  test(`${sitePage.path}: no space set against full-width punctuation, no half-width punctuation against Chinese`, () => {
    const text = visibleTextOf(sitePage.file);
    expect(text).toMatch(/[（，。：]/);
    expect(chinesePunctuationProblems(text), `punctuation problems on ${sitePage.path}`).toEqual([]);
    // Author–year citations read "Kaplan 等 2020" in this edition, in the prose and in the figures' credits alike.
    const etAl = [...text.matchAll(/\bet al\./g)].map((m) => text.slice(Math.max(0, m.index - 20), m.index + 16));
    expect(etAl, `"et al." on ${sitePage.path}`).toEqual([]);
    // An English gloss in Chinese text takes full-width brackets: “《苦涩的教训》（The Bitter Lesson）”.
    const halfWidth = [...text.matchAll(/[\u4e00-\u9fff》」”] ?\([A-Za-z]{2,}/g)].map((m) => text.slice(Math.max(0, m.index - 12), m.index + 20));
    expect(halfWidth, `half-width brackets around English on ${sitePage.path}`).toEqual([]);
  });
}

// Editing: one bracket group never follows another. A citation's aside goes inside its brackets (“(Brown et al.
// 2020; chapter 7)”, Cite's children), and a quotation's translation is not followed by a second group.
for (const sitePage of PAGES) {
  test(`${sitePage.path}: no two bracket groups in a row`, () => {
    const text = visibleTextOf(sitePage.file);
    const twice = [...text.matchAll(/[）)][ \u00a0]*[（(]/g)].map((m) => text.slice(Math.max(0, m.index - 30), m.index + 20));
    expect(twice, `bracket groups in a row on ${sitePage.path}`).toEqual([]);
  });
}

// Budgets on bytes (gzip): JS per page, no chart code without figures, no render-blocking script; HTML + blocking
// CSS is reported (target ≤ 14 KB), not enforced.
for (const sitePage of PAGES) {
  test(`${sitePage.path}: JavaScript within budget, no render-blocking script`, async () => {
    const bytes = await pageBytes(DIST, sitePage.file, { base: BASE });
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    test.info().annotations.push({
      type: 'bytes',
      description: `HTML ${kb(bytes.html.gzip)} + blocking CSS ${kb(bytes.blockingCss.gzip)} = ${kb(bytes.firstLoad.gzip)} gzip (target ${kb(BUDGETS.firstLoadTarget)}); JS ${kb(bytes.js.initial.gzip)} initial${bytes.hasFigures ? `, ${kb(bytes.js.figureLoad.gzip)} once figures are drawn` : ''}, ${kb(bytes.js.all.gzip)} with all lazy code`,
    });
    expect(budgetProblems(bytes), `budget problems on ${sitePage.path}`).toEqual([]);
  });
}

test('report: HTML + render-blocking CSS per page (gzip, target ≤ 14 KB; not enforced)', async () => {
  const all = await siteBytes(DIST, { base: BASE });
  const rows = bytesTable(all);
  console.table(rows);
  const over = all.filter((b) => b.firstLoad.gzip > BUDGETS.firstLoadTarget);
  test.info().annotations.push({
    type: 'first load over 14 KB gzip',
    description: over.length ? over.map((b) => `${b.page} ${(b.firstLoad.gzip / 1024).toFixed(1)} KB`).join(', ') : 'none',
  });
  expect(all.length).toBe(PAGES.length);
});

// The Content-Security-Policy: first in <head> on every page, hashes matching the inline scripts, and _headers.
test('every page starts its <head> with the CSP, whose hashes match its inline scripts', () => {
  const problems = PAGES.flatMap((p) => checkPage(readFileSync(p.file, 'utf8')).map((problem) => `${p.path}: ${problem}`));
  expect(problems).toEqual([]);
  for (const p of PAGES) {
    expect(inspectPage(readFileSync(p.file, 'utf8')).metaPolicies, p.path).toEqual([cspMetaContent()]);
  }
  const scriptSrc = cspMetaContent().split('; ').find((d) => d.startsWith('script-src'))!;
  expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  expect(scriptSrc).toMatch(/^script-src 'self'( '[a-z-]+')* 'sha256-[A-Za-z0-9+/]{43}='/);
});

test('_headers sends the same policy as an HTTP header, with frame-ancestors', () => {
  const headers = readFileSync(path.join(DIST, '_headers'), 'utf8');
  expect(headers).toMatch(/^\/\*\n/);
  const value = /^ {2}Content-Security-Policy: (.+)$/m.exec(headers)?.[1];
  expect(value).toBe(cspHeaderValue());
  expect(value).toContain("frame-ancestors 'none'");
  expect(value).toContain(cspMetaContent());
});

/** Every file of the built site, as paths joined onto DIST. */
const builtFiles = (dir = DIST): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? builtFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));

// Self-contained, statically: no stylesheet, script, font or image of the site is fetched from another origin.
test('no built HTML, CSS or JS file loads anything from another origin', () => {
  const problems: string[] = [];
  for (const file of builtFiles()) {
    const rel = path.relative(DIST, file);
    if (file.endsWith('.css')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?\/\/[^'")\s]+)/g)) problems.push(`${rel}: ${m[1]}`);
    } else if (file.endsWith('.html')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/<(?:script|img|source|iframe|video|audio|embed)\b[^>]*\bsrc="((?:https?:)?\/\/[^"]+)"/g)) problems.push(`${rel}: ${m[1]}`);
      for (const m of text.matchAll(/<link\b[^>]*\brel="(?:stylesheet|preload|modulepreload|icon|apple-touch-icon|manifest|prefetch|preconnect|dns-prefetch)"[^>]*\bhref="((?:https?:)?\/\/[^"]+)"/g)) problems.push(`${rel}: ${m[1]}`);
      for (const m of text.matchAll(/<link\b[^>]*\bhref="((?:https?:)?\/\/[^"]+)"[^>]*\brel="(?:stylesheet|preload|modulepreload|icon|manifest|preconnect)"/g)) problems.push(`${rel}: ${m[1]}`);
    } else if (/\.m?js$/.test(file)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bimport\s*\(?\s*['"]((?:https?:)?\/\/[^'"]+)['"]/g)) problems.push(`${rel}: ${m[1]}`);
      for (const m of text.matchAll(/\bfrom\s*['"]((?:https?:)?\/\/[^'"]+)['"]/g)) problems.push(`${rel}: ${m[1]}`);
    }
  }
  expect(problems).toEqual([]);
});

// An SVG drawn as an image (a CSS url(), a tab icon, a manifest icon the browser fetches to see whether the site can
// be installed) is a document the browser builds on the page's main thread: a 10–20 ms task at each load, 40–80 ms on
// the 4× slower phone Lighthouse simulates. Icons are CSS shapes or PNGs; inline <svg> (KaTeX's, the figures') is
// part of the page and costs no such task.
test('no page, stylesheet or manifest loads an SVG as an image', async () => {
  const problems: string[] = [];
  for (const file of builtFiles()) {
    const svgImage = file.endsWith('.css')
      ? /url\(\s*['"]?([^'")\s]+\.svg)\b/g
      : file.endsWith('.html')
        ? /<(?:link|img)\b[^>]*\b(?:href|src)="([^"]+\.svg)"/g
        : undefined;
    if (!svgImage) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(svgImage)) problems.push(`${path.relative(DIST, file)}: ${m[1]}`);
  }
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8')) as { icons: Array<{ src: string }> };
  for (const icon of manifest.icons) if (/\.svg$/.test(icon.src)) problems.push(`manifest.webmanifest: ${icon.src}`);
  expect(manifest.icons.length).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

// A <textarea> or <select> in a page's HTML makes Chrome's form filler (absent from the headless shell the browser
// tests use) ask whether it can take focus as the page loads, and so lay out its block even where content-visibility
// defers it: on /zh/compute-optimal/ a second layout of 10–30 ms in the load task, for a figure three quarters of
// the way down. A figure keeps its text field in a <template> behind a stand-in box until it is first drawn;
// choices are radio buttons.
/** The <textarea> and <select> elements of a page's document: a <template>'s content is not part of it (hast keeps it
 * under `content`, which visit() does not enter). */
function formFillerFields(html: string): string[] {
  const found: string[] = [];
  visit(unified().use(rehypeParse).parse(html), 'element', (node: Element) => {
    if (node.tagName === 'textarea' || node.tagName === 'select') found.push(node.tagName);
  });
  return found;
}

test('no built page holds a <textarea> or <select> (a <template> may)', () => {
  expect(formFillerFields('<label><template><textarea></textarea></template></label><p><select></select></p>')).toEqual(['select']);
  const problems: string[] = [];
  for (const file of builtFiles()) {
    if (!file.endsWith('.html')) continue;
    for (const tag of formFillerFields(readFileSync(file, 'utf8'))) problems.push(`${path.relative(DIST, file)}: <${tag}>`);
  }
  expect(problems).toEqual([]);
});

// KaTeX's fonts are cut down to the math's characters after the build (src/integrations/katex-subset.ts): every
// character that the pages' math uses and that KaTeX's original face could draw must still be in the served face.
test("KaTeX's served fonts keep every glyph the pages' math needs, and are smaller than KaTeX's own", async () => {
  const { katexCharacters } = await import('../../src/integrations/katex-subset');
  const hb = await (await import('harfbuzzjs')).default;
  const fontverter = await import('fontverter');
  const codepoints = async (data: Buffer) => {
    const blob = hb.createBlob(await fontverter.convert(data, 'sfnt'));
    const face = hb.createFace(blob, 0);
    const set = new Set<number>(face.collectUnicodes());
    face.destroy();
    blob.destroy();
    return set;
  };
  const chars = new Set<string>();
  for (const p of PAGES) katexCharacters(readFileSync(p.file, 'utf8'), chars);
  expect(chars.size, 'math characters in the built pages').toBeGreaterThan(20);
  const assets = path.join(DIST, '_astro');
  const served = readdirSync(assets).filter((f) => /^KaTeX_.+\.woff2$/.test(f));
  expect(served.length).toBe(readdirSync('node_modules/katex/dist/fonts').filter((f) => f.endsWith('.woff2')).length);
  const missing: string[] = [];
  let before = 0;
  let after = 0;
  for (const file of served) {
    const originalFile = path.join('node_modules/katex/dist/fonts', `${file.split('.')[0]}.woff2`);
    const original = readFileSync(originalFile);
    const subset = readFileSync(path.join(assets, file));
    before += original.length;
    after += subset.length;
    const had = await codepoints(original);
    const has = await codepoints(subset);
    for (const char of chars) {
      const cp = char.codePointAt(0)!;
      if (had.has(cp) && !has.has(cp)) missing.push(`${file}: U+${cp.toString(16).toUpperCase()} ${char}`);
    }
  }
  expect(missing, 'glyphs the math uses but the served font lost').toEqual([]);
  expect(after, 'bytes of the served KaTeX WOFF2 files against KaTeX’s own').toBeLessThan(before * 0.7);
});
