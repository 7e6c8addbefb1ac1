import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import rehypeKatex from 'rehype-katex';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { rehypeMathMarks } from '../../../src/lib/markdown/math-marks';

// A paragraph as remark-math hands it on, with `$…$` for each inline formula, through rehype-katex as the build runs
// it, with or without the plugin under test.
const render = (source: string, marks = true): Root => {
  const html = source.replace(/\$([^$]+)\$/g, (_, tex: string) => `<code class="language-math math-inline">${tex}</code>`);
  const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeKatex);
  if (marks) processor.use(rehypeMathMarks);
  return processor.runSync(processor.parse(`<p>${html}</p>`)) as Root;
};

const classes = (node: Element) => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);
const all = (tree: Root, className: string): Element[] => {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => void (classes(node).includes(className) && found.push(node)));
  return found;
};
/** The text a reader sees: everything but KaTeX's MathML (which is read out, not shown). */
const shown = (node: Root | Element): string => {
  let text = '';
  visit(node, (child) => {
    if (child.type === 'element' && classes(child as Element).includes('katex-mathml')) return 'skip';
    if (child.type === 'text') text += (child as { value: string }).value;
    return undefined;
  });
  return text;
};
const bases = (node: Root | Element) => all(node as Root, 'base').map(shown);

describe('marks next to inline math stay on its line (rehypeMathMarks)', () => {
  it('puts a closing mark with the last box of the formula before it', () => {
    const tree = render('拟合值是 $E=1.69$、$A=406.4$。下一句');
    const kept = all(tree, 'math-nowrap');
    expect(kept.map(shown)).toEqual(['1.69、', '406.4。']);
    // Each formula's MathML is still there once, outside the spans, for assistive technology.
    expect(all(tree, 'katex-mathml')).toHaveLength(2);
    for (const span of kept) expect(all(span as unknown as Root, 'katex-mathml')).toEqual([]);
    expect(shown(tree)).toBe(shown(render('拟合值是 $E=1.69$、$A=406.4$。下一句', false)));
  });

  it('puts a formula of one box in whole, MathML and all', () => {
    const tree = render('其中 $q_t$，与 $x$ 无关');
    const [kept, ...others] = all(tree, 'math-nowrap');
    expect(others).toEqual([]);
    expect(shown(kept!)).toBe(`${shown(all(render('$q_t$'), 'katex')[0]!)}，`);
    expect(all(kept as unknown as Root, 'katex')).toHaveLength(1);
    expect(all(kept as unknown as Root, 'katex-mathml')).toHaveLength(1);
  });

  it('puts an opening mark with the first box of the formula after it', () => {
    const tree = render('预算（$5.76\\times10^{23}$ FLOPs）');
    const [kept] = all(tree, 'math-nowrap');
    expect(shown(kept!).startsWith('（5.76')).toBe(true);
    expect(shown(kept!)).not.toContain('10');
    expect(shown(tree)).toBe(shown(render('预算（$5.76\\times10^{23}$ FLOPs）', false)));
  });

  it('splits a formula of two boxes between an opening and a closing mark, one box to each (a run of marks goes whole)', () => {
    const tree = render('so ($a+b$), then');
    expect(all(tree, 'math-nowrap').map(shown)).toEqual(['(a+', 'b),']);
    expect(all(tree, 'katex-mathml')).toHaveLength(1);
  });

  it('leaves displayed math and math with no mark beside it as they were', () => {
    const quiet = 'the loss $L(N)$ falls as $N$ grows';
    expect(render(quiet)).toEqual(render(quiet, false));
    const display = unified().use(rehypeParse, { fragment: true }).use(rehypeKatex).use(rehypeMathMarks);
    const tree = display.runSync(display.parse('<div><code class="language-math math-display">x=1</code>。</div>')) as Root;
    expect(all(tree, 'katex-display')).toHaveLength(1);
    expect(all(tree, 'math-nowrap')).toEqual([]);
  });

  it('changes no text and loses no box, whatever surrounds the formulas', () => {
    const piece = fc.constantFrom('$x$', '$a+b$', '$E=1.69$', '$5.76\\times10^{23}$', '，', '、', '。', '（', '）', '(', ')', ', ', '. ', '“', '”', '文字', ' text ');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const source = pieces.join('');
        const plain = render(source, false);
        const marked = render(source);
        expect(shown(marked)).toBe(shown(plain));
        expect(bases(marked).sort()).toEqual(bases(plain).sort());
        expect(all(marked, 'katex-mathml')).toHaveLength(all(plain, 'katex-mathml').length);
      }),
      { numRuns: 200, seed: 20261202 },
    );
  });
});
