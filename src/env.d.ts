declare module '@citation-js/core' {
  /** citation-js's Cite class: parses input such as BibTeX and formats it (only what this site uses). */
  export class Cite {
    constructor(data: string);
    data: unknown[];
    format(kind: 'bibliography' | 'citation' | 'bibtex' | 'data', options?: Record<string, unknown>): unknown;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module 'subset-font' {
  /** Subsets a font (TTF/OTF/WOFF/WOFF2) to the characters of `text`, returned in `targetFormat`. */
  export default function subsetFont(font: Buffer, text: string, options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' }): Promise<Buffer>;
}
declare module 'fontverter' {
  /** Converts a font between formats; 'sfnt' is plain TrueType/OpenType. */
  export function convert(font: Buffer, to: 'sfnt' | 'woff' | 'woff2'): Promise<Buffer>;
}
declare module 'harfbuzzjs' {
  interface HbBlob { destroy(): void }
  interface HbFace { collectUnicodes(): Uint32Array; destroy(): void }
  /** HarfBuzz compiled to WebAssembly (only what the font tests use). */
  const ready: Promise<{ createBlob(data: Uint8Array): HbBlob; createFace(blob: HbBlob, index: number): HbFace }>;
  export default ready;
}
