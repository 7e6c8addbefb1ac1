// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { remarkHeadingIds } from './src/lib/markdown/heading-ids.ts';
import { remarkEssayRefs } from './src/lib/markdown/essay-refs.ts';
import { rehypeFootnoteLabels } from './src/lib/markdown/footnote-labels.ts';
import { rehypeTableSpacing } from './src/lib/markdown/table-spacing.ts';
import { rehypeTableAlign } from './src/lib/markdown/table-align.ts';
import { rehypeMathStart } from './src/lib/markdown/math-start.ts';
import { rehypeMathMarks } from './src/lib/markdown/math-marks.ts';
import bookIds from './src/integrations/book-ids.ts';
import scriptPriority from './src/integrations/script-priority.ts';
import katexSubset from './src/integrations/katex-subset.ts';
import csp from './src/lib/csp.ts';

/** The drawing kit: Chart.js, the chart factory and theme (fetched when a figure nears the viewport). */
const CHART_KIT = /node_modules\/(?:chart\.js|@kurkle\/color)\/|\/src\/scripts\/figures\/(?:chart|theme)\.ts$|\/src\/lib\/figures\/chart-config\.ts$/;
/** What the figure definitions share (fetched with the figures' own code): the scaling module but for the three parts
 * only one figure uses, number formats and table helpers. */
const FIGURE_KIT = /\/src\/lib\/figures\/(?:format|sources)\.ts$|\/src\/lib\/scaling\/(?!emergence|kvcache|timeline-models)/;

// SITE_URL: the public origin used for canonical URLs, feeds and previews; BASE_PATH: a sub-path such as /essay/.
const site = process.env.SITE_URL ?? 'https://openai-revelation.example.org';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  devToolbar: { enabled: false },
  vite: {
    build: {
      // Every script is served as a file of the site (none inlined), so the CSP can say script-src 'self'.
      assetsInlineLimit: 0,
      // Terser with two compress passes: about 8% less gzip than the default esbuild minifier on Chart.js.
      minify: 'terser',
      terserOptions: { compress: { passes: 2 }, format: { comments: false } },
      rollupOptions: {
        output: {
          // Two files instead of about nine small ones (one gzip stream each is ~1 KB smaller): the drawing kit, and
          // the code the figure definitions share. They stay apart so that Chart.js still waits for a figure to near
          // the viewport, while the definitions (needed at once for controls and links) come with their shared code.
          manualChunks: (id) => (CHART_KIT.test(id) ? 'chart' : FIGURE_KIT.test(id) ? 'figure-kit' : undefined),
        },
      },
    },
  },
  markdown: {
    remarkPlugins: [remarkMath, remarkHeadingIds, remarkEssayRefs],
    rehypePlugins: [
      [rehypeKatex, { throwOnError: true, strict: 'ignore' }],
      rehypeMathMarks,
      rehypeFootnoteLabels,
      rehypeTableSpacing,
      rehypeTableAlign,
      rehypeMathStart,
      [rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-link'] } }],
    ],
    smartypants: true,
  },
  integrations: [
    // optimize: the static parts of each chapter (prose, KaTeX's markup) become one HTML string instead of a tree of
    // JSX calls, so the server build holds far less code and syntax tree per chapter (essayComponents maps no HTML tag,
    // so nothing needs to stay a component).
    mdx({ optimize: true }),
    bookIds(),
    sitemap({
      i18n: { defaultLocale: 'zh', locales: { zh: 'zh-CN', en: 'en' } },
    }),
    scriptPriority(),
    // Cuts KaTeX's fonts down to the characters the built pages' math uses (and renames them by content).
    katexSubset(),
    // Last: checks every page's Content-Security-Policy <meta> against its inline scripts and writes _headers.
    csp(),
  ],
});
