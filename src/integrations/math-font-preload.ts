import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from '../lib/html-files';
import { katexFaces } from '../lib/katex-faces';

// KaTeX declares font-display: block, so a formula stays invisible until its font arrives, and the browser finds the
// fonts only once the stylesheet is in and the page laid out. After the build (and after katex-subset has given the
// fonts their final names), each page with math preloads exactly the faces its formulas use (src/lib/katex-faces.ts),
// so they download beside the stylesheet instead of after it.

/** `<link rel="preload">` tags for the given font files, under `prefix` (the site's base and assets folder). */
export function preloadTags(files: readonly string[], prefix: string): string {
  return files.map((f) => `<link rel="preload" href="${prefix}${f}" as="font" type="font/woff2" crossorigin="anonymous">`).join('');
}

/** A page's HTML with `tags` placed after its last stylesheet link (or at the end of <head> if it has none). */
export function insertInHead(html: string, tags: string): string {
  if (!tags) return html;
  const head = html.indexOf('</head>');
  if (head < 0) throw new Error('math-font-preload: a page without </head>');
  const sheets = [...html.slice(0, head).matchAll(/<link rel="stylesheet"[^>]*>/g)];
  const last = sheets.at(-1);
  const at = last ? (last.index as number) + last[0].length : head;
  return html.slice(0, at) + tags + html.slice(at);
}

/** Astro integration: after the build, makes every page with math preload the KaTeX faces it uses. */
export default function mathFontPreload(): AstroIntegration {
  let prefix = '/_astro/';
  let assets = '_astro';
  return {
    name: 'math-font-preload',
    hooks: {
      'astro:config:done': ({ config }) => {
        assets = config.build.assets;
        prefix = `${config.base.replace(/\/?$/, '/')}${assets}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const fonts = (await readdir(path.join(root, assets)).catch(() => [] as string[])).filter((f) => /^KaTeX_.+\.woff2$/.test(f));
        const fileOf = new Map(fonts.map((f) => [f.replace(/^KaTeX_([^.]+)\..*$/, '$1'), f]));
        let preloads = 0;
        for (const page of await htmlFiles(root)) {
          const html = await readFile(page, 'utf8');
          const files = [...katexFaces(html)].sort().map((face) => {
            const file = fileOf.get(face);
            if (!file) throw new Error(`math-font-preload: ${path.relative(root, page)} uses KaTeX_${face}, which the build has no WOFF2 file for`);
            return file;
          });
          if (files.length === 0) continue;
          await writeFile(page, insertInHead(html, preloadTags(files, prefix)));
          preloads += files.length;
        }
        logger.info(`${preloads} font preloads added`);
      },
    },
  };
}
