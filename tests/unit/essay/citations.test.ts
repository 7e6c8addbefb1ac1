import { describe, expect, it } from 'vitest';
import { citationLabel, citationLocator, findReference, getBibliography } from '../../../src/lib/bibliography';

const label = (key: string, lang: 'en' | 'zh') => citationLabel(findReference(key)!, lang);

describe('in-text citation labels', () => {
  it('name one author, two, or the first and "et al." / "等", then the year', () => {
    expect(label('anderson1972', 'en')).toBe('Anderson 1972');
    expect(label('cortes1995', 'en')).toBe('Cortes & Vapnik 1995');
    expect(label('cortes1995', 'zh')).toBe('Cortes、Vapnik 1995');
    expect(label('kaplan2020', 'en')).toBe('Kaplan et\u00a0al. 2020');
    expect(label('kaplan2020', 'zh')).toBe('Kaplan 等 2020');
  });

  it('tell apart every work, with the letter of its reference-list entry where one author has two works a year', () => {
    expect(label('openai2023gpt4', 'en')).toBe('OpenAI 2023a');
    expect(findReference('openai2023gpt4')!.html).toContain('(2023a');
    expect(label('openai2023chatgptapi', 'zh')).toBe('OpenAI 2023b');
    expect(findReference('openai2023chatgptapi')!.html).toContain('(2023b');
    for (const lang of ['en', 'zh'] as const) {
      const labels = [...getBibliography().values()].map((ref) => citationLabel(ref, lang));
      expect(new Set(labels).size, lang).toBe(labels.length);
    }
  });

  it('keep "et al." on one line (a no-break space), for every work', () => {
    const works = [...getBibliography().values()];
    expect(works.length).toBeGreaterThan(30);
    const labels = works.map((ref) => citationLabel(ref, 'en'));
    expect(labels.filter((text) => text.includes('et\u00a0al.')).length).toBeGreaterThan(20);
    expect(labels.filter((text) => / et | al\./.test(text))).toEqual([]);
  });
});

describe('citation locators', () => {
  it('tie each number, section sign or lettered number to the word before it, and nothing else', () => {
    const nb = (text: string) => text.replaceAll('\u00a0', '~');
    expect(nb(citationLocator('图 6'))).toBe('图~6');
    expect(nb(citationLocator('Table 1, App. A.2.1'))).toBe('Table~1, App.~A.2.1');
    expect(nb(citationLocator('附录 D.2、式 10'))).toBe('附录~D.2、式~10');
    expect(nb(citationLocator('Tables 1 and 3'))).toBe('Tables~1 and~3');
    expect(nb(citationLocator('§6.3 footnote'))).toBe('§6.3 footnote');
    expect(nb(citationLocator(' Fig. 4 caption '))).toBe('Fig.~4 caption');
  });
});
