import { describe, it, expect } from 'vitest';
import katex from 'katex';
import { katexFaces } from '../../../src/lib/katex-faces';
import { insertInHead, preloadTags } from '../../../src/integrations/math-font-preload';

const faces = (tex: string, displayMode = false) => [...katexFaces(katex.renderToString(tex, { displayMode }))].sort();

describe('katexFaces', () => {
  it('reads KaTeX_Main for upright text and KaTeX_Math italic for letters', () => {
    expect(faces('2+2=4')).toEqual(['Main-Regular']);
    expect(faces('x')).toEqual(['Main-Regular', 'Math-Italic']);
  });

  it('follows the classes that switch family, weight or style', () => {
    expect(faces('\\mathcal{L}')).toContain('Caligraphic-Regular');
    expect(faces('\\mathbb{R}')).toContain('AMS-Regular');
    expect(faces('\\mathbf{W}')).toContain('Main-Bold');
    expect(faces('\\boldsymbol{\\theta}')).toContain('Math-BoldItalic');
    expect(faces('\\mathrm{d}')).toEqual(['Main-Regular']);
    expect(faces('\\textit{word}')).toContain('Main-Italic');
  });

  it('maps big operators and sized delimiters to the Size faces', () => {
    expect(faces('\\sum_i x_i')).toContain('Size1-Regular');
    expect(faces('\\sum_i x_i', true)).toContain('Size2-Regular');
    expect(faces('\\bigl( x \\bigr)')).toContain('Size1-Regular');
    expect(faces('\\Bigl( x \\Bigr)')).toContain('Size2-Regular');
    expect(faces('\\left(\\frac{\\frac{a}{b}}{\\frac{c}{d}}\\right)', true)).toContain('Size3-Regular');
  });

  it('ignores the TeX source in <annotation>, text outside the formula and pages without math', () => {
    expect([...katexFaces('<span class="katex"><span class="mathcal"><annotation>x</annotation></span></span>')]).toEqual([]);
    expect([...katexFaces('<p class="mathnormal">prose</p>')]).toEqual([]);
    expect(faces('x').includes('Caligraphic-Regular')).toBe(false);
  });
});

describe('math font preload tags', () => {
  it('go after the last stylesheet, or at the end of <head> without one', () => {
    const tags = preloadTags(['KaTeX_Main-Regular.abc.woff2'], '/essay/_astro/');
    expect(tags).toBe('<link rel="preload" href="/essay/_astro/KaTeX_Main-Regular.abc.woff2" as="font" type="font/woff2" crossorigin="anonymous">');
    const page = '<html><head><link rel="stylesheet" href="/a.css"><link rel="stylesheet" href="/b.css"><meta name="x"></head><body></body></html>';
    expect(insertInHead(page, tags)).toBe(page.replace('href="/b.css">', `href="/b.css">${tags}`));
    expect(insertInHead('<head><title>t</title></head>', tags)).toBe(`<head><title>t</title>${tags}</head>`);
    expect(() => insertInHead('<p>no head</p>', tags)).toThrow(/without <\/head>/);
  });
});
