import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { rehypeTableAlign } from '../../../src/lib/markdown/table-align';

// A cell as remark-rehype makes it from a GFM table column marked `---:`, `:---:` or `---`.
const cell = (tagName: 'td' | 'th', properties: Element['properties']): Element => ({ type: 'element', tagName, properties, children: [{ type: 'text', value: '0.693' }] });
const run = (...cells: Element[]): Element[] => {
  const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'tr', properties: {}, children: cells }] };
  rehypeTableAlign()(tree);
  return ((tree.children[0] as Element).children as Element[]);
};

describe('table column alignment', () => {
  it('moves align into style, for header and body cells alike', () => {
    const [th, td] = run(cell('th', { align: 'right' }), cell('td', { align: 'center' }));
    expect(th!.properties).toEqual({ style: 'text-align:right' });
    expect(td!.properties).toEqual({ style: 'text-align:center' });
  });

  it('keeps a style the cell already has, and leaves unaligned cells and other elements alone', () => {
    const [styled, plain] = run(cell('td', { align: 'left', style: 'color:red' }), cell('td', { className: ['x'] }));
    expect(styled!.properties).toEqual({ style: 'color:red;text-align:left' });
    expect(plain!.properties).toEqual({ className: ['x'] });
    const image: Element = { type: 'element', tagName: 'img', properties: { align: 'right' }, children: [] };
    const tree: Root = { type: 'root', children: [image] };
    rehypeTableAlign()(tree);
    expect(image.properties).toEqual({ align: 'right' });
  });
});
