import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';

/**
 * Makes the one-page book (/<lang>/book/) valid after the build: chapters reuse ids such as footnote and
 * section anchors, so each id inside a chapter becomes "<slug>--<id>", links follow, and links to other
 * chapters ("../scaling-laws/#x") become links inside the book ("#scaling-laws--x").
 */
export function rewriteBookIds(tree: Root, base: string): void {
  const chapters = new Map<string, Set<string>>();
  const sections: Array<[string, Element]> = [];
  visit(tree, 'element', (node: Element) => {
    const slug = node.properties?.dataBookChapter;
    if (typeof slug === 'string') {
      sections.push([slug, node]);
      const ids = new Set<string>();
      visit(node, 'element', (child: Element) => {
        if (typeof child.properties?.id === 'string' && child !== node) ids.add(child.properties.id);
      });
      chapters.set(slug, ids);
    }
  });
  const chapterLink = new RegExp(`^(?:\\.\\./|${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:zh|en)/)([a-z0-9-]+)/(?:#(.+))?$`);
  for (const [slug, section] of sections) {
    const own = chapters.get(slug)!;
    visit(section, 'element', (node: Element) => {
      const props = node.properties ?? {};
      if (node !== section && typeof props.id === 'string') props.id = `${slug}--${props.id}`;
      // Attributes that name other ids on the page follow the renamed ids.
      for (const attr of ['ariaDescribedBy', 'ariaLabelledBy', 'ariaControls', 'htmlFor'] as const) {
        const value: unknown = props[attr];
        const ids = Array.isArray(value) ? value.map((v: unknown) => String(v)) : typeof value === 'string' ? value.split(/\s+/) : [];
        if (ids.length) props[attr] = ids.map((v) => (own.has(v) ? `${slug}--${v}` : v));
      }
      const href = props.href;
      if (typeof href !== 'string') return;
      if (href.startsWith('#')) {
        const id = decodeURIComponent(href.slice(1));
        if (own.has(id)) props.href = `#${slug}--${id}`;
        return;
      }
      const match = chapterLink.exec(href);
      const target = match?.[1];
      if (target && chapters.has(target)) {
        const id = match[2];
        props.href = id && chapters.get(target)!.has(id) ? `#${target}--${id}` : `#${target}`;
      }
    });
  }
}

/** Astro integration: runs rewriteBookIds over every built book page. */
export default function bookIds(): AstroIntegration {
  let base = '/';
  return {
    name: 'book-ids',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, pages }) => {
        const root = fileURLToPath(dir);
        for (const page of pages.filter((p) => /^(zh|en)\/book\/?$/.test(p.pathname))) {
          const file = `${root}${page.pathname.replace(/\/?$/, '/')}index.html`;
          const html = await readFile(file, 'utf8');
          const processor = unified().use(rehypeParse).use(() => (tree: Root) => rewriteBookIds(tree, base)).use(rehypeStringify);
          await writeFile(file, String(await processor.process(html)));
        }
      },
    },
  };
}
