import { describe, expect, it } from 'vitest';
import { closestPage, editDistance, type Suggestion } from '../../../src/lib/closest-page';

const pages: Suggestion[] = [
  { path: '/zh/scaling-laws/', title: '公理二：规模定律' },
  { path: '/en/scaling-laws/', title: 'Axiom 2: Scaling Laws' },
  { path: '/en/compute-optimal/', title: 'Compute-Optimal, and Where Scaling Ends' },
  { path: '/en/decoder-only/', title: 'Bet 4: Decoder-Only' },
  { path: '/en/', title: 'The OpenAI Revelation' },
];

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('law', 'laws')).toBe(1);
    expect(editDistance('laws', 'law')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });
});

describe('closestPage', () => {
  it('finds the page behind a typo or a dropped letter, in the language the address names', () => {
    expect(closestPage('/en/scaling-law/', pages)?.path).toBe('/en/scaling-laws/');
    expect(closestPage('/zh/scalinglaws', pages)?.path).toBe('/zh/scaling-laws/');
    expect(closestPage('/en/decoder_only/index.html', pages)?.path).toBe('/en/decoder-only/');
    expect(closestPage('/en/Compute-Optimal.html', pages)?.path).toBe('/en/compute-optimal/');
  });

  it('reads the address after the site base', () => {
    const based = pages.map((page) => ({ ...page, path: `/essay${page.path}` }));
    expect(closestPage('/essay/en/scaling-law/', based, '/essay/')?.path).toBe('/essay/en/scaling-laws/');
  });

  it('suggests nothing for an unrelated address or the bare root', () => {
    expect(closestPage('/en/what-is-this-page/', pages)).toBeUndefined();
    expect(closestPage('/wp-admin/', pages)).toBeUndefined();
    expect(closestPage('/', pages)).toBeUndefined();
    expect(closestPage('/en/scaling-laws/', [])).toBeUndefined();
  });
});
