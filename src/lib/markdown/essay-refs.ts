import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import katex from 'katex';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { failAt } from './errors';
import { getAttr, isJsxElement, setAttr, type JsxElement } from './mdx-jsx';
import { countText, readingMinutes } from './text-stats';
import { findReference } from '../bibliography';
import { isFigureId } from '../figures/ids';

/** What the plugin learns of a chapter, exposed to pages as `remarkPluginFrontmatter.essay`. */
export interface EssayMeta {
  equations: Array<{ id: string; number: string }>;
  figures: Array<{ id: string; number: string }>;
  citations: string[];
  cjk: number;
  words: number;
  minutes: number;
}

const NUMBERED = new Set(['Equation', 'Figure']);

/**
 * Remark plugin for the writer's primitives: numbers `<Equation>` and `<Figure>` per chapter ("3.2"), writes
 * the numbers into `<EqRef>`/`<FigRef>`, checks `<Cite>` keys against the bibliography, checks TeX with KaTeX,
 * and counts the chapter's words. Any dangling id, unknown key or bad TeX fails the build naming the file.
 */
export function remarkEssayRefs() {
  return (tree: Root, file: VFile) => {
    const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
    const frontmatter = (astro.frontmatter ??= {});
    const chapter = Number(frontmatter.order);
    const lang = /(?:^|[\\/])(zh|en)[\\/][^\\/]+$/.exec(file.path ?? '')?.[1] ?? 'en';
    const prefix = Number.isInteger(chapter) && chapter > 0 ? `${chapter}.` : '';
    const meta: EssayMeta = { equations: [], figures: [], citations: [], cjk: 0, words: 0, minutes: 1 };
    const refs: JsxElement[] = [];

    visit(tree, (node: Node) => {
      if (!isJsxElement(node) || !node.name) return;
      const name = node.name;
      if (NUMBERED.has(name)) {
        const id = getAttr(node, 'id');
        if (!id) failAt(file, node, `<${name}> needs an id="…"`);
        const list = name === 'Equation' ? meta.equations : meta.figures;
        if (list.some((entry) => entry.id === id)) failAt(file, node, `<${name} id="${id}"> is defined twice`);
        if (name === 'Figure' && !isFigureId(id)) failAt(file, node, `<Figure id="${id}"> is not a known figure (see src/lib/figures/ids.ts)`);
        if (name === 'Equation') checkTex(file, node, getAttr(node, 'tex'));
        const number = `${prefix}${list.length + 1}`;
        list.push({ id, number });
        setAttr(node, 'number', number);
        setAttr(node, 'lang', lang);
      } else if (name === 'EqRef' || name === 'FigRef') {
        refs.push(node);
      } else if (name === 'Cite') {
        const keys = (getAttr(node, 'key') ?? '').split(',').map((k) => k.trim()).filter(Boolean);
        if (keys.length === 0) failAt(file, node, '<Cite> needs key="…"');
        for (const key of keys) {
          if (!findReference(key)) failAt(file, node, `<Cite key="${key}"> is not in content/references.bib`);
          if (!meta.citations.includes(key)) meta.citations.push(key);
        }
        setAttr(node, 'lang', lang);
      }
    });

    for (const node of refs) {
      const id = getAttr(node, 'id');
      const list = node.name === 'EqRef' ? meta.equations : meta.figures;
      const target = list.find((entry) => entry.id === id);
      if (!target) failAt(file, node, `<${node.name} id="${id ?? ''}"> points to no ${node.name === 'EqRef' ? 'equation' : 'figure'} of this chapter`);
      setAttr(node, 'number', target.number);
      setAttr(node, 'lang', lang);
    }

    const stats = countText(toString(tree));
    Object.assign(meta, stats, { minutes: readingMinutes(stats) });
    frontmatter.essay = meta;
  };
}

function checkTex(file: VFile, node: Node, tex: string | undefined): void {
  if (!tex) failAt(file, node, '<Equation> needs tex="…"');
  try {
    katex.renderToString(tex, { displayMode: true, throwOnError: true, strict: 'ignore' });
  } catch (error) {
    failAt(file, node, `KaTeX cannot render this equation: ${(error as Error).message}`);
  }
}
