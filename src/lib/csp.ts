/**
 * The Content-Security-Policy of the site, in one place.
 *
 * - Every page carries it as the first element of <head> (<meta http-equiv>, see ThemeScript.astro), so it already
 *   governs the inline theme script that follows.
 * - The build writes it again, with `frame-ancestors` (which a <meta> policy may not carry), into `_headers`
 *   (Netlify / Cloudflare Pages format) at the root of the output.
 * - Scripts: files of the site ('self') plus the sha256 of each inline script, computed here from the script's exact
 *   text; after the build every page's inline scripts are hashed again and checked against its policy, so a hash
 *   cannot drift. No 'unsafe-inline' and no 'unsafe-eval' for scripts. 'wasm-unsafe-eval' lets Pagefind compile its
 *   WebAssembly search index (it allows WebAssembly compilation only, not eval()): Pagefind searches in a Web Worker,
 *   which obeys the HTTP header policy, and without it search fails ("Failed to load the Pagefind WASM").
 *   tests/e2e/quality.spec.ts serves every response with the _headers policy to check exactly that.
 * - Styles: 'unsafe-inline' is accepted because KaTeX writes style="" attributes into every formula (heights, vertical
 *   alignment, struts) and scripts set element.style; no untrusted markup is ever inserted into pages.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { htmlFiles } from './html-files';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { visit } from 'unist-util-visit';
import type { Element, Root, Text } from 'hast';

/** The inline theme script (ThemeScript.astro): applies the stored theme before first paint. Kept tiny and ES5. */
export const THEME_SCRIPT =
  "try{var t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";

/**
 * The inline script of chapters whose first screen has math (MathFontPreload.astro). It marks <html> `math-pending`,
 * which hides the text from the first formula on (global.css), and takes the mark off once KaTeX's upright and italic
 * faces and every font the first layout asked for are in, or after 2000 ms at most. A line holding a formula whose
 * font arrives after the first paint wraps again as the glyphs change width (a 0.15 layout shift at 768 px on
 * compute-optimal); hidden text is not painted, so it cannot be seen to move. The fonts are asked about once the
 * document is parsed and two frames have passed, so that every formula on the first screen has been laid out and has
 * asked for its faces: on a slow connection the first frames come before the formulas have arrived, and fonts.ready
 * then would say nothing about theirs. ES5, as the theme script.
 */
export const MATH_WAIT_SCRIPT =
  "(function(r,f){if(!f||!window.requestAnimationFrame)return;r.classList.add('math-pending');" +
  "var d=function(){r.classList.remove('math-pending')};setTimeout(d,2000);" +
  "document.addEventListener('DOMContentLoaded',function(){requestAnimationFrame(function(){requestAnimationFrame(function(){" +
  "Promise.all([f.load('1em KaTeX_Main'),f.load('italic 1em KaTeX_Math')]).then(function(){return f.ready}).then(d,d)})})})" +
  "})(document.documentElement,document.fonts)";

/** Every inline script the site's pages may contain; the policy allows exactly these. */
export const INLINE_SCRIPTS: readonly string[] = [THEME_SCRIPT, MATH_WAIT_SCRIPT];

/** The CSP source expression for an inline script: 'sha256-<base64 of the SHA-256 of its exact text>'. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy's directives; `header` adds those a <meta> element cannot carry (frame-ancestors). */
export function cspDirectives({ header = false, scripts = INLINE_SCRIPTS }: { header?: boolean; scripts?: readonly string[] } = {}): string[] {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(scripts.map(scriptHash))].join(' ')}`.trim(),
    // 'unsafe-inline' for styles only: KaTeX's style="" attributes (see the note at the top of this file).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(header ? ["frame-ancestors 'none'"] : []),
  ];
}

/** The value of the <meta http-equiv="Content-Security-Policy"> element. */
export function cspMetaContent(): string {
  return cspDirectives().join('; ');
}

/** The value of the Content-Security-Policy HTTP header written to _headers. */
export function cspHeaderValue(): string {
  return cspDirectives({ header: true }).join('; ');
}

/** The `_headers` file (Netlify / Cloudflare Pages): the policy and a few safe defaults for every path. */
export function headersFile(): string {
  return [
    '/*',
    `  Content-Security-Policy: ${cspHeaderValue()}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript']);

/** What a built page says about its policy: the texts of its inline (executable) scripts and its meta policies. */
export function inspectPage(html: string): { inlineScripts: string[]; metaPolicies: string[]; firstHeadElement?: string } {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const inlineScripts: string[] = [];
  const metaPolicies: string[] = [];
  let firstHeadElement: string | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'head') {
      const first = node.children.find((child): child is Element => child.type === 'element');
      if (first) firstHeadElement = first.tagName === 'meta' && String(first.properties?.httpEquiv ?? '').toLowerCase() === 'content-security-policy' ? 'csp-meta' : first.tagName;
    }
    if (node.tagName === 'script' && node.properties?.src === undefined) {
      const type = String(node.properties?.type ?? '').trim().toLowerCase();
      if (JS_TYPES.has(type)) inlineScripts.push(node.children.map((child) => (child as Text).value ?? '').join(''));
    }
    if (node.tagName === 'meta' && String(node.properties?.httpEquiv ?? '').toLowerCase() === 'content-security-policy') {
      metaPolicies.push(String(node.properties?.content ?? ''));
    }
  });
  return { inlineScripts, metaPolicies, firstHeadElement };
}

/** Problems with one built page's policy (empty when the page is fine). */
export function checkPage(html: string): string[] {
  const { inlineScripts, metaPolicies, firstHeadElement } = inspectPage(html);
  const problems: string[] = [];
  if (metaPolicies.length !== 1) return [`has ${metaPolicies.length} CSP <meta> elements, expected 1`];
  if (firstHeadElement !== 'csp-meta') problems.push(`the CSP <meta> is not the first element of <head> (found <${firstHeadElement}>)`);
  const scriptSrc = metaPolicies[0]!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src ')) ?? '';
  if (/'unsafe-inline'|'unsafe-eval'/.test(scriptSrc)) problems.push(`script-src allows 'unsafe-inline' or 'unsafe-eval': ${scriptSrc}`);
  for (const text of inlineScripts) {
    const hash = scriptHash(text);
    if (!scriptSrc.split(/\s+/).includes(hash)) {
      problems.push(`inline script ${JSON.stringify(text.slice(0, 60))}… (${hash}) is not allowed by its CSP; list it in INLINE_SCRIPTS in src/lib/csp.ts`);
    }
  }
  return problems;
}

/**
 * Astro integration (list it after every integration that rewrites pages): after the build, checks that every page
 * has its CSP <meta> first in <head> and that each inline script's hash is in it, then writes `_headers`.
 */
export default function csp(): AstroIntegration {
  return {
    name: 'csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const failures: string[] = [];
        const files = await htmlFiles(root);
        for (const file of files) {
          for (const problem of checkPage(await readFile(file, 'utf8'))) failures.push(`${path.relative(process.cwd(), file)}: ${problem}`);
        }
        if (failures.length) throw new Error(`Content-Security-Policy check failed (src/lib/csp.ts):\n${failures.join('\n')}`);
        await writeFile(path.join(root, '_headers'), headersFile());
        logger.info(`checked ${files.length} pages; wrote _headers`);
      },
    },
  };
}
