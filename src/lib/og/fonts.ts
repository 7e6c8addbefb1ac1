import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The font-family list that names every face of fontsFor(), in fallback order. */
export function fontFamilyOf(fonts: SatoriFont[]): string {
  return [...new Set(fonts.map((font) => `'${font.name}'`))].join(', ');
}

/** A font face as satori takes it. */
export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

interface Chunk {
  file: string;
  ranges: Array<[number, number]>;
}

const require = createRequire(import.meta.url);
const chunkCache = new Map<string, Chunk[]>();
const dataCache = new Map<string, Buffer>();

/** A font file's bytes, read once: satori keeps the fonts it has parsed by their data object, so handing it the same
 * Buffer each time spares every card after the first the inflating and parsing of each WOFF it needs. */
function fontData(file: string): Buffer {
  let data = dataCache.get(file);
  if (!data) dataCache.set(file, (data = readFileSync(file)));
  return data;
}

/** The WOFF chunks of a Fontsource package at one weight, with the code points each covers (from its CSS). */
function chunksOf(pkg: string, weight: number): Chunk[] {
  const key = `${pkg}@${weight}`;
  const cached = chunkCache.get(key);
  if (cached) return cached;
  const cssFile = require.resolve(`${pkg}/${weight}.css`);
  const css = readFileSync(cssFile, 'utf8');
  const chunks: Chunk[] = [];
  for (const face of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+?\.woff)\)/.exec(face)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(face)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)];
    });
    chunks.push({ file: path.join(path.dirname(cssFile), 'files', file), ranges });
  }
  chunkCache.set(key, chunks);
  return chunks;
}

/**
 * The font faces needed to draw `text` without a missing glyph: Noto Sans (Latin, Greek) first, then the
 * Noto Sans SC chunks that hold its Chinese characters. Both fonts ship in npm packages (@fontsource).
 */
export function fontsFor(text: string, weights: Array<400 | 700> = [400, 700]): SatoriFont[] {
  const codes = [...new Set([...text].map((ch) => ch.codePointAt(0)!))];
  const fonts: SatoriFont[] = [];
  for (const [pkg, name] of [['@fontsource/noto-sans', 'Noto Sans'], ['@fontsource/noto-sans-sc', 'Noto Sans SC']] as const) {
    for (const weight of weights) {
      for (const chunk of chunksOf(pkg, weight)) {
        const covers = codes.some((c) => chunk.ranges.some(([lo, hi]) => c >= lo && c <= hi));
        // One family name per chunk: satori falls back from family to family, not between files of one family.
        if (covers) fonts.push({ name: `${name} ${path.basename(chunk.file, '.woff')}`, data: fontData(chunk.file), weight, style: 'normal' });
      }
    }
  }
  return fonts;
}
