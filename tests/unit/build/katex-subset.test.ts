import { describe, it, expect } from 'vitest';
import katex from 'katex';
import { katexCharacters } from '../../../src/integrations/katex-subset';

const chars = (html: string) => [...katexCharacters(html)].sort().join('');

describe('katexCharacters', () => {
  it('collects the characters of a rendered formula, HTML and MathML alike, and nothing around it', () => {
    const html = `<p>Before ${katex.renderToString('L(N)=\\left(\\frac{N_c}{N}\\right)^{\\alpha_N}')} after</p>`;
    const found = katexCharacters(html);
    for (const c of ['L', 'N', '=', 'c', 'α', '(', ')']) expect(found.has(c), c).toBe(true);
    for (const c of ['B', 'f', 'r']) expect(found.has(c), `"${c}" from the prose`).toBe(false);
  });

  it('decodes character references and reads display math once', () => {
    const html = `<span class="katex-display"><span class="katex"><span>a&lt;b&#x3b2;&#947;&amp;</span></span></span> x`;
    expect(chars(html)).toBe(['&', '<', 'a', 'b', 'β', 'γ'].sort().join(''));
  });

  it('stops at the element that closes the formula', () => {
    expect(chars('<span class="katex"><span>q</span></span><span>z</span>')).toBe('q');
  });

  it('finds nothing on a page without math', () => {
    expect(katexCharacters('<p>No math, only $5 and a <span class="katexish">decoy</span>.</p>').size).toBe(0);
  });
});
