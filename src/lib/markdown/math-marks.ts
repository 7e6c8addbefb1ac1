import type { Element, ElementContent, Root, Text } from 'hast';
import type { Parent } from 'unist';
import { SKIP, visit } from 'unist-util-visit';

// Marks that must not begin a line (closing brackets and quotes, stops, commas, colons, the percent sign, hyphens and
// the en dash) and marks that must not end one (opening brackets and quotes), in both editions' scripts.
const CLOSING = /^[)\]}’”»›）］｝」』】〕〉》，。、；：！？％.,;:!?%\-‐‑–…]+/u;
const OPENING = /[([{‘“«‹（［｛「『【〔〈《]+$/u;

const classesOf = (node: ElementContent | undefined): string[] => {
  const className = node?.type === 'element' ? node.properties.className : undefined;
  return Array.isArray(className) ? className.map(String) : [];
};
const isInlineMath = (node: ElementContent | undefined): node is Element => classesOf(node).includes('katex');
const span = (className: string[], children: ElementContent[], extra: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { className, ...extra },
  children,
});

/**
 * KaTeX's formula set apart for the mark beside it: the formula's boxes (`.base`, one per stretch it can break
 * between) taken from `katex` at the start or the end, in a `.katex` of their own for KaTeX's styles, hidden from
 * assistive technology like all of KaTeX's boxes (the original keeps the MathML that is read out).
 */
function takeBase(katex: Element, at: 'first' | 'last'): Element | undefined {
  const html = katex.children.find((child): child is Element => classesOf(child).includes('katex-html'));
  const bases = html?.children.filter((child) => classesOf(child).includes('base')) ?? [];
  if (!html || bases.length < 2) return undefined;
  const base = at === 'first' ? bases[0]! : bases[bases.length - 1]!;
  html.children.splice(html.children.indexOf(base), 1);
  return span(['katex'], [span(['katex-html'], [base], { ariaHidden: 'true' })]);
}

/**
 * Rehype plugin (after rehype-katex): keeps inline math and the marks that touch it on one line. A browser may break
 * a line between a formula (KaTeX's boxes are inline blocks) and the text after it, even before a comma or a "、",
 * which then opens the next line; likewise after an opening bracket. Each such mark is put with the formula's last
 * (or first) box in a `.math-nowrap` span (global.css: white-space: nowrap); a formula of one box goes in whole. The
 * formula's other boxes may still break between them, as before, so a long formula still fits a narrow column.
 */
export function rehypeMathMarks() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (!isInlineMath(node as ElementContent) || index === undefined || !parent) return undefined;
      if (classesOf(parent as ElementContent).includes('katex-display')) return SKIP;
      const siblings = (parent as Parent).children as ElementContent[];
      const katex = node as Element;
      const before = siblings[index - 1];
      const after = siblings[index + 1];
      const opening = before?.type === 'text' ? OPENING.exec(before.value)?.[0] : undefined;
      const closing = after?.type === 'text' ? CLOSING.exec(after.value)?.[0] : undefined;
      if (!opening && !closing) return SKIP;

      const head: ElementContent[] = [];
      const tail: ElementContent[] = [];
      if (opening) {
        const text = before as Text;
        text.value = text.value.slice(0, -opening.length);
        head.push({ type: 'text', value: opening });
      }
      if (closing) {
        const text = after as Text;
        text.value = text.value.slice(closing.length);
        tail.push({ type: 'text', value: closing });
      }
      const first = opening ? takeBase(katex, 'first') : undefined;
      const last = closing ? takeBase(katex, 'last') : undefined;
      const replacement: ElementContent[] = [];
      // A formula of one box (or two, with a mark on each side) goes whole into one span with its marks.
      if (opening && !first) replacement.push(span(['math-nowrap'], [...head, katex, ...(closing && !last ? tail : [])]));
      else {
        if (first) replacement.push(span(['math-nowrap'], [...head, first]));
        if (!closing || last) replacement.push(katex);
        else replacement.push(span(['math-nowrap'], [katex, ...tail]));
      }
      if (last) replacement.push(span(['math-nowrap'], [last, ...tail]));
      siblings.splice(index, 1, ...replacement);
      // Empty text left where a mark was taken out is dropped.
      for (const text of [after, before]) {
        if (text?.type === 'text' && text.value === '') siblings.splice(siblings.indexOf(text), 1);
      }
      return [SKIP, siblings.indexOf(replacement[replacement.length - 1]!) + 1];
    });
  };
}
