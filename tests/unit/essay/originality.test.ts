import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readChapters, plainText } from '../../essay-files';
import { normalizeForRuns, latinSentences, withoutQuotations } from '../../originality.mjs';

// Fingerprints of the seed essay (scripts/fingerprint-seed.mjs): hashes, not its text.
const seed = JSON.parse(readFileSync('tests/fixtures/seed-fingerprints.json', 'utf8')) as {
  runLength: number;
  runs: string[];
  sentences: string[];
};
const seedRuns = new Set(seed.runs);
const seedSentences = new Set(seed.sentences);
const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The runs of `text` (outside quotations) that also stand in the seed. */
function copiedRuns(text: string): string[] {
  const flat = normalizeForRuns(withoutQuotations(text));
  const found: string[] = [];
  for (let i = 0; i + seed.runLength <= flat.length; i++) {
    const run = flat.slice(i, i + seed.runLength);
    if (seedRuns.has(hash(run))) found.push(run);
  }
  return found;
}

describe('no words of the seed are carried over', () => {
  it('the check finds a run copied from the seed (control)', () => {
    // A sentence of the seed's own wording must be caught, and the same sentence in quotation marks must not.
    const copied = '在物理上,宇宙的下一状态只与上一状态有关,这是所谓的 locality 和 causality';
    expect(copiedRuns(copied).length).toBeGreaterThan(0);
    expect(copiedRuns(`“${copied}”`)).toEqual([]);
  });

  for (const chapter of readChapters('zh')) {
    it(`zh/${chapter.slug}: no ${seed.runLength}-character run of the seed outside quotation marks`, () => {
      expect(copiedRuns(plainText(chapter.body))).toEqual([]);
    });
  }
  for (const chapter of readChapters('en')) {
    it(`en/${chapter.slug}: no sentence of the seed outside quotation marks`, () => {
      const own = latinSentences(withoutQuotations(plainText(chapter.body)));
      const text = ` ${own.join(' | ')} `;
      const copied = own.filter((s) => seedSentences.has(hash(s)));
      expect(copied).toEqual([]);
      expect(copiedRuns(text)).toEqual([]);
    });
  }
});
