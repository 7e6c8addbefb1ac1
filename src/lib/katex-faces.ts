// Which of KaTeX's font faces a built page draws with, read from its markup. Chromium fetches a web font when it first
// lays out text set in it, and it lays out the whole page before the first paint, so every face named here is fetched
// at once, wherever its formula sits. Knowing them at build time lets a page preload exactly those faces.
//
// The rules below restate katex.css (KaTeX 0.16): `.katex` sets KaTeX_Main, and a few classes switch the family, the
// weight or the style for their subtree. The browser test in tests/e2e/ compares this reading with the fonts Chromium
// actually fetches on every page.

/** A face as KaTeX names its files: `Main-Regular`, `Math-Italic`, `Size1-Regular`… */
export type KatexFace = string;

interface FontState {
  family: string;
  bold: boolean;
  italic: boolean;
  /** The family a `.delimsizing.mult .delim-sizeN > span` child takes. */
  childFamily?: string;
}

type Rule = Partial<Pick<FontState, 'family' | 'bold' | 'italic'>>;

/** katex.css's font rules, one class each, in the stylesheet's order (a later rule wins). */
const CLASS_RULES: ReadonlyArray<readonly [string, Rule]> = [
  ['textbf', { bold: true }],
  ['textit', { italic: true }],
  ['textrm', { family: 'Main' }],
  ['textsf', { family: 'SansSerif' }],
  ['texttt', { family: 'Typewriter' }],
  ['mathnormal', { family: 'Math', italic: true }],
  ['mathit', { family: 'Main', italic: true }],
  ['mathrm', { italic: false }],
  ['mathbf', { family: 'Main', bold: true }],
  ['boldsymbol', { family: 'Math', bold: true, italic: true }],
  ['amsrm', { family: 'AMS' }],
  ['mathbb', { family: 'AMS' }],
  ['textbb', { family: 'AMS' }],
  ['mathcal', { family: 'Caligraphic' }],
  ['mathfrak', { family: 'Fraktur' }],
  ['textfrak', { family: 'Fraktur' }],
  ['mathboldfrak', { family: 'Fraktur', bold: true }],
  ['textboldfrak', { family: 'Fraktur', bold: true }],
  ['mathtt', { family: 'Typewriter' }],
  ['mathscr', { family: 'Script' }],
  ['textscr', { family: 'Script' }],
  ['mathsf', { family: 'SansSerif' }],
  ['mathboldsf', { family: 'SansSerif', bold: true }],
  ['textboldsf', { family: 'SansSerif', bold: true }],
  ['mathsfit', { family: 'SansSerif', italic: true }],
  ['mathitsf', { family: 'SansSerif', italic: true }],
  ['textitsf', { family: 'SansSerif', italic: true }],
  ['mainrm', { family: 'Main', italic: false }],
];

/** The faces KaTeX ships per family (the CSS font matcher picks among these). */
const FAMILY_FACES: Readonly<Record<string, readonly string[]>> = {
  Main: ['Regular', 'Bold', 'Italic', 'BoldItalic'],
  Math: ['Italic', 'BoldItalic'],
  AMS: ['Regular'],
  Caligraphic: ['Regular', 'Bold'],
  Fraktur: ['Regular', 'Bold'],
  SansSerif: ['Regular', 'Bold', 'Italic'],
  Script: ['Regular'],
  Typewriter: ['Regular'],
  Size1: ['Regular'],
  Size2: ['Regular'],
  Size3: ['Regular'],
  Size4: ['Regular'],
};

/** The shipped face CSS font matching picks for a family, weight and style (style first, then weight). */
function faceOf({ family, bold, italic }: FontState): KatexFace {
  const faces = FAMILY_FACES[family] ?? ['Regular'];
  const isItalic = (f: string) => f.endsWith('Italic');
  const isBold = (f: string) => f.startsWith('Bold');
  const styled = faces.filter((f) => isItalic(f) === italic);
  const pool = styled.length > 0 ? styled : faces;
  const weighted = pool.filter((f) => isBold(f) === bold);
  return `${family}-${(weighted[0] ?? pool[0]) as string}`;
}

/** The font state of an element with `classes`, inside an element whose state is `parent`. */
function stateOf(parent: FontState, classes: readonly string[], isSpan: boolean): FontState {
  const next: FontState = { family: parent.family, bold: parent.bold, italic: parent.italic };
  if (isSpan && parent.childFamily) next.family = parent.childFamily;
  for (const [name, rule] of CLASS_RULES) if (classes.includes(name)) Object.assign(next, rule);
  // Compound selectors: .delimsizing.sizeN, .op-symbol.small-op / .large-op, .delimsizing.mult .delim-sizeN > span.
  if (classes.includes('delimsizing')) {
    const size = classes.find((c) => /^size[1-4]$/.test(c));
    if (size) next.family = `Size${size.slice(4)}`;
  }
  if (classes.includes('op-symbol')) {
    if (classes.includes('small-op')) next.family = 'Size1';
    if (classes.includes('large-op')) next.family = 'Size2';
  }
  const delim = classes.find((c) => c === 'delim-size1' || c === 'delim-size4');
  if (delim) next.childFamily = `Size${delim.slice(-1)}`;
  return next;
}

const VOID = new Set(['br', 'img', 'hr', 'wbr', 'path', 'line', 'use', 'rect']);

/** Every KaTeX face that text inside the page's `.katex` elements is set in (HTML and MathML alike). */
export function katexFaces(html: string): Set<KatexFace> {
  const faces = new Set<KatexFace>();
  const open = /<span class="katex"/g;
  for (let match = open.exec(html); match; match = open.exec(html)) {
    const stack: FontState[] = [];
    let state: FontState = { family: 'Main', bold: false, italic: false };
    const token = /<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>|([^<]+)/g;
    token.lastIndex = match.index;
    for (let t = token.exec(html); t; t = token.exec(html)) {
      const [, closing, tag, attrs, selfClosing, text] = t;
      if (text !== undefined) {
        // The TeX source in <annotation> is never drawn; whitespace between tags shapes no glyph.
        if (state.family !== '#annotation' && !/^\s*$/.test(text)) faces.add(faceOf(state));
        continue;
      }
      const name = (tag as string).toLowerCase();
      if (closing) {
        state = stack.pop() ?? state;
        if (stack.length === 0) break;
        continue;
      }
      if (selfClosing || VOID.has(name)) continue;
      stack.push(state);
      if (name === 'annotation') {
        state = { ...state, family: '#annotation' };
        continue;
      }
      const classes = /\bclass="([^"]*)"/.exec(attrs as string)?.[1]?.split(/\s+/) ?? [];
      state = state.family === '#annotation' ? state : stateOf(state, classes, name === 'span');
    }
    open.lastIndex = token.lastIndex;
  }
  return faces;
}
