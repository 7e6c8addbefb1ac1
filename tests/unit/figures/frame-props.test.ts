import { describe, expect, it } from 'vitest';
import { resolveFigureFrame } from '../../../src/lib/figures/frame-props';
import { langProp } from '../../../src/lib/i18n';

describe("an essay component's props", () => {
  it('lang: zh and en pass, absent means en, anything else throws naming the component and the value', () => {
    expect(langProp('zh', 'Cite')).toBe('zh');
    expect(langProp('en', 'Cite')).toBe('en');
    expect(langProp(undefined, 'Cite')).toBe('en');
    expect(() => langProp('fr', 'FigRef')).toThrow('<FigRef>: lang must be one of zh, en, got "fr"');
    expect(() => langProp('', 'Figure')).toThrow(/<Figure>.*got ""/);
  });

  it('a figure frame resolves its definition, number and language, and rejects an unknown id', () => {
    const frame = resolveFigureFrame({ id: 'loss-vs-scale', number: '3.1', lang: 'zh' }, 'Figure');
    expect(frame).toMatchObject({ id: 'loss-vs-scale', number: '3.1', lang: 'zh' });
    expect(frame.def.id).toBe('loss-vs-scale');
    expect(resolveFigureFrame({ id: 'emergence' }, 'Figure')).toMatchObject({ number: '', lang: 'en' });
    expect(() => resolveFigureFrame({ id: 'nope', lang: 'en' }, 'Figure')).toThrow(/Unknown figure id "nope"/);
  });
});
