/** Types for scripts/page-bytes.mjs (byte accounting of a built site, page by page). */
export interface Size {
  raw: number;
  gzip: number;
}
export interface JsFile extends Size {
  /** Path inside dist, e.g. "_astro/place.D17Un80Q.js". */
  file: string;
  /** Loaded by a dynamic import() (e.g. chart code drawn on demand) rather than at page load. */
  dynamic: boolean;
  /** Chart.js or figure code. */
  chart: boolean;
  /** Loaded lazily to draw the page's figures. */
  figure: boolean;
}
export interface PageBytes {
  page: string;
  file: string;
  html: Size;
  blockingCss: Size & { files: string[] };
  firstLoad: Size;
  js: { inline: Size; initial: Size; lazy: Size; all: Size; figureLoad: Size; files: JsFile[]; opaqueImports: number };
  hasFigures: boolean;
  /** The figures placed on the page (data-figure ids). */
  figureIds: string[];
  /** Figure chunks of other pages reachable through the figure registry but not loaded here. */
  otherFigures: string[];
  chartFiles: string[];
  renderBlocking: string[];
  eagerScripts: string[];
  missing: string[];
}
export const BUDGETS: { jsWithoutFigures: number; jsWithFigures: number; firstLoadTarget: number };
export const ISLAND_CHUNK: string;
export const ON_INTERACTION_CHUNKS: ReadonlySet<string>;
export function htmlFiles(dist: string): string[];
export function siteFigureIds(dist: string): Set<string>;
export function pagePath(dist: string, file: string, base?: string): string;
export function pageBytes(dist: string, file: string, options?: { base?: string }): Promise<PageBytes>;
export function siteBytes(dist: string, options?: { base?: string }): Promise<PageBytes[]>;
export function budgetProblems(bytes: PageBytes): string[];
export function bytesTable(all: PageBytes[]): Array<Record<string, string | number>>;
