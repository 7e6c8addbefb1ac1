import { describe, expect, it } from 'vitest';
import type { Element, Root, RootContent } from 'hast';
import { rehypeMathStart } from '../../../src/lib/markdown/math-start';

// Blocks as the MDX pipeline hands them over after rehype-katex: KaTeX's output is a span of class "katex", a numbered
// equation or a figure is a JSX element.
const text = (value: string) => ({ type: 'text' as const, value });
const katex = (): Element => ({ type: 'element', tagName: 'span', properties: { className: ['katex'] }, children: [text('x')] });
const para = (...children: Element['children']): Element => ({ type: 'element', tagName: 'p', properties: {}, children });
const jsx = (name: string, children: unknown[] = []) =>
  ({ type: 'mdxJsxFlowElement', name, attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: 'a' }], children }) as unknown as RootContent;
const run = (...children: RootContent[]): Root => {
  const tree: Root = { type: 'root', children };
  rehypeMathStart()(tree);
  return tree;
};
const marked = (tree: Root) =>
  tree.children.map((node) =>
    node.type === 'element'
      ? 'dataMathFrom' in node.properties
      : ((node as unknown as { attributes: Array<{ name: string }> }).attributes ?? []).some((a) => a.name === 'data-math-from'),
  );

describe('where a chapter’s math starts', () => {
  it('marks the first top-level block holding KaTeX’s output, however deep, and no other', () => {
    const nested: Element = { type: 'element', tagName: 'em', properties: {}, children: [katex()] };
    const tree = run(para(text('no math')), para(text('a '), nested), para(katex()));
    expect(marked(tree)).toEqual([false, true, false]);
  });

  it('marks a numbered equation component that comes first, as a prop it writes on its element', () => {
    const tree = run(para(text('no math')), jsx('Equation'), para(katex()));
    expect(marked(tree)).toEqual([false, true, false]);
    expect((tree.children[1] as unknown as { attributes: unknown[] }).attributes).toContainEqual({ type: 'mdxJsxAttribute', name: 'data-math-from', value: '' });
  });

  it('marks a figure whose caption holds math, and passes over one whose caption does not', () => {
    const tree = run(jsx('Figure', [text('caption')]), jsx('Figure', [para(katex())]), para(katex()));
    expect(marked(tree)).toEqual([false, true, false]);
  });

  it('marks nothing in a chapter without math', () => {
    expect(marked(run(para(text('one')), jsx('Figure', [text('caption')])))).toEqual([false, false]);
  });
});
