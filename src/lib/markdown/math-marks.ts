import type { Element, ElementContent, Root, Text } from 'hast';
import type { Parent } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import { hasClass } from './hast-class';

// Marks that must not begin a line (closing brackets and quotes, stops, commas, colons, the percent sign, hyphens and
// the en dash) and marks that must not end one (opening brackets and quotes), in both editions' scripts.
const CLOSING = /^[)\]}’”»›）］｝」』】〕〉》，。、；：！？％.,;:!?%\-‐‑–…]+/u;
const OPENING = /[([{‘“«‹（［｛「『【〔〈《]+$/u;

const span = (className: string[], children: ElementContent[], extra: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { className, ...extra },
  children,
});

/**
 * One box of a formula (KaTeX's `.base`; a formula may break between its boxes) taken from the start or the end of
 * `katex`, in a `.katex` of its own for KaTeX's styles. Like KaTeX's other boxes it is hidden from assistive
 * technology, which reads the MathML the original keeps. Undefined when the formula has no box to spare.
 */
function takeBase(katex: Element, at: 'first' | 'last'): Element | undefined {
  const html = katex.children.find((child) => hasClass(child, 'katex-html'));
  const bases = html?.children.filter((child) => hasClass(child, 'base')) ?? [];
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
      if (!hasClass(node, 'katex') || index === undefined || !parent) return undefined;
      if (hasClass(parent, 'katex-display')) return SKIP;
      const siblings = (parent as Parent).children as ElementContent[];
      const katex = node as Element;
      const before = siblings[index - 1];
      const after = siblings[index + 1];
      const opening = before?.type === 'text' ? OPENING.exec(before.value)?.[0] : undefined;
      const closing = after?.type === 'text' ? CLOSING.exec(after.value)?.[0] : undefined;
      if (!opening && !closing) return SKIP;

      if (opening) (before as Text).value = (before as Text).value.slice(0, -opening.length);
      if (closing) (after as Text).value = (after as Text).value.slice(closing.length);
      const first = opening ? takeBase(katex, 'first') : undefined;
      const last = closing ? takeBase(katex, 'last') : undefined;
      // Each mark goes with the box beside it, or with the whole formula when it has no box to spare.
      const pieces: ElementContent[][] = [[katex]];
      if (first) pieces.unshift([first]);
      if (last) pieces.push([last]);
      if (opening) pieces[0]!.unshift({ type: 'text', value: opening });
      if (closing) pieces[pieces.length - 1]!.push({ type: 'text', value: closing });
      const replacement = pieces.map((children) => (children.length > 1 ? span(['math-nowrap'], children) : children[0]!));
      siblings.splice(index, 1, ...replacement);
      // Empty text left where a mark was taken out is dropped.
      for (const text of [after, before]) {
        if (text?.type === 'text' && text.value === '') siblings.splice(siblings.indexOf(text), 1);
      }
      return [SKIP, siblings.indexOf(replacement[replacement.length - 1]!) + 1];
    });
  };
}
