// Writes tests/fixtures/seed-fingerprints.json: hashes of every 20-character run of the seed essay (whitespace
// and punctuation dropped) and of its Latin sentences, so the originality test can run without the seed's text.
// Usage: node scripts/fingerprint-seed.mjs path/to/seed.txt [more.txt …]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { normalizeForRuns, latinSentences, RUN_LENGTH } from '../tests/originality.mjs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/fingerprint-seed.mjs seed.txt [more.txt …]');
  process.exit(2);
}
const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const runs = new Set();
const sentences = new Set();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const flat = normalizeForRuns(text);
  for (let i = 0; i + RUN_LENGTH <= flat.length; i++) {
    const run = flat.slice(i, i + RUN_LENGTH);
    if (/[\u4e00-\u9fff]/.test(run)) runs.add(hash(run));
  }
  for (const sentence of latinSentences(text)) sentences.add(hash(sentence));
}
const out = 'tests/fixtures/seed-fingerprints.json';
writeFileSync(out, JSON.stringify({ runLength: RUN_LENGTH, runs: [...runs].sort(), sentences: [...sentences].sort() }) + '\n');
console.log(`${out}: ${runs.size} runs, ${sentences.size} Latin sentences`);
