// Where a figure's static twin lives and how big it is: shared by the PNG route that draws it and the figure frames
// (live and book) that show it.
import type { Lang } from '../i18n';
import { withBase } from '../urls';

/** Width of a twin in CSS pixels (the PNG is drawn at twice this). */
export const TWIN_WIDTH = 1200;
/** Height of a twin in CSS pixels (the PNG is drawn at twice this). */
export const TWIN_HEIGHT = 700;

/** The site path of a figure's twin PNG, base included: /figures/<lang>/<id>.png. */
export function twinPath(lang: Lang, id: string): string {
  return withBase(`figures/${lang}/${id}.png`);
}
