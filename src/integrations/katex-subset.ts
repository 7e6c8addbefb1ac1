import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { htmlFiles } from '../lib/html-files';

// KaTeX ships each face with every glyph it may ever draw (KaTeX_Main-Regular alone is 26 KB of WOFF2), and a page
// with math downloads four or five of them before its first paint, since KaTeX declares font-display: block. The essay
// uses a few hundred characters of math, known once the pages are built: after the build, every KaTeX WOFF2 file is cut
// down to the characters inside the pages' .katex elements (subset-font, on HarfBuzz), saved under a new content hash,
// and the stylesheet and pages that named the old file are rewritten to name the new one (the stylesheet gets a new
// hash too, so a cached copy never points at a font that is gone). The WOFF and TTF fallbacks are left whole.

/** Characters drawn outside the math's text: KaTeX's equation numbers are "(" counter ")" in its own font. */
const ALWAYS = '()0123456789';

/** Every character drawn inside a `class="katex…"` element of a page (HTML and MathML alike), added to `into`. */
export function katexCharacters(html: string, into: Set<string> = new Set()): Set<string> {
  const open = /<span class="katex(?:-display)?"/g;
  for (let match = open.exec(html); match; match = open.exec(html)) {
    // A .katex span ends where its nested spans balance out.
    let depth = 0;
    const tag = /<(\/?)span\b[^>]*>/g;
    tag.lastIndex = match.index;
    let end = html.length;
    for (let t = tag.exec(html); t; t = tag.exec(html)) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) {
        end = t.index;
        break;
      }
    }
    const text = html
      .slice(match.index, end)
      .replace(/<annotation\b[\s\S]*?<\/annotation>/g, '') // the TeX source, never drawn
      .replace(/<[^>]*>/g, '')
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    for (const char of text) into.add(char);
    open.lastIndex = end;
  }
  return into;
}

/** An eight-character content hash in the style of the bundler's asset names. */
function contentHash(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('base64url').slice(0, 8);
}

/** `KaTeX_Main-Regular.B22Nviop.woff2` → `KaTeX_Main-Regular.<hash>.woff2`. */
function rename(file: string, hash: string): string {
  return file.replace(/\.[^.]+(\.[a-z0-9]+)$/i, `.${hash}$1`);
}

/** Replaces every old name with its new one; returns undefined when nothing changed. */
function renamed(text: string, names: ReadonlyMap<string, string>): string | undefined {
  let next = text;
  for (const [from, to] of names) next = next.split(from).join(to);
  return next === text ? undefined : next;
}

/** Astro integration: after the build, subsets KaTeX's WOFF2 fonts to the characters the built math uses. */
export default function katexSubset(): AstroIntegration {
  return {
    name: 'katex-subset',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const assets = path.join(root, '_astro');
        const pages = await htmlFiles(root);
        const chars = new Set(ALWAYS);
        for (const page of pages) katexCharacters(await readFile(page, 'utf8'), chars);
        const text = [...chars].join('');

        const names = new Map<string, string>();
        let before = 0;
        let after = 0;
        const files = await readdir(assets).catch(() => [] as string[]);
        for (const font of files.filter((f) => /^KaTeX_.+\.woff2$/.test(f))) {
          const full = await readFile(path.join(assets, font));
          const cut = await subsetFont(full, text, { targetFormat: 'woff2' });
          const next = rename(font, contentHash(cut));
          await writeFile(path.join(assets, next), cut);
          if (next !== font) await rm(path.join(assets, font));
          names.set(font, next);
          before += full.length;
          after += cut.length;
        }
        if (names.size === 0) return;

        // Stylesheets that name a font get new names of their own; then every page is pointed at the new files.
        for (const sheet of files.filter((f) => f.endsWith('.css'))) {
          const css = renamed(await readFile(path.join(assets, sheet), 'utf8'), names);
          if (css === undefined) continue;
          const next = rename(sheet, contentHash(Buffer.from(css)));
          await writeFile(path.join(assets, next), css);
          if (next !== sheet) await rm(path.join(assets, sheet));
          names.set(sheet, next);
        }
        for (const page of pages) {
          const html = renamed(await readFile(page, 'utf8'), names);
          if (html !== undefined) await writeFile(page, html);
        }
        logger.info(`${names.size} files renamed; ${chars.size} characters kept; KaTeX WOFF2 ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB`);
      },
    },
  };
}
