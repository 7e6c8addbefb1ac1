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
