import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from '../lib/html-files';

// Astro emits each component's script as <script type="module" src> in <head>. Module scripts never block rendering,
// but Chromium still fetches them at high priority, where they share a slow link with the stylesheet and the fonts
// the first screen needs. None of them draws the first screen (the theme is set by an inline script), so they are
// marked fetchpriority="low".
const MODULE_SCRIPT = /<script type="module"(?![^>]*\bfetchpriority=)([^>]*\bsrc=)/g;

/** A page's HTML with every external module script marked fetchpriority="low". */
export function lowerScriptPriority(html: string): string {
  return html.replace(MODULE_SCRIPT, '<script type="module" fetchpriority="low"$1');
}

/** Astro integration: after the build, lowers the fetch priority of every page's module scripts. */
export default function scriptPriority(): AstroIntegration {
  return {
    name: 'script-priority',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        for (const file of await htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const next = lowerScriptPriority(html);
          if (next !== html) await writeFile(file, next);
        }
      },
    },
  };
}
