// Where a figure's static twins live and how big they are: shared by the PNG route that draws them and the figure
// frames (live and book) that show them. Each figure has two: a wide one, and a square one for phones, whose chart
// box is square (figures.css, .figure-chart) and on which the wide one's labels would shrink to a third of a live
// chart's.
import type { Lang } from '../i18n';
import { withBase } from '../urls';

/** A twin's shape: wide for tablets, desktops and print; square for phones. */
export type TwinShape = 'wide' | 'square';

/** The shapes, in the order the route draws them. */
export const TWIN_SHAPES: readonly TwinShape[] = ['wide', 'square'];

/**
 * Each shape's size in CSS pixels (the PNG is drawn at twice this) and its label size in px. The square one is a
 * phone's chart at 1:1 with a phone's label size (11 px below 480 px, src/scripts/figures/theme.ts); the wide one is
 * scaled down to the column.
 */
export const TWIN_SIZES: Readonly<Record<TwinShape, { width: number; height: number; fontSize: number }>> = {
  wide: { width: 1200, height: 700, fontSize: 19 },
  square: { width: 360, height: 360, fontSize: 11 },
};

/** The media query under which the chart box is square and the square twin is shown (as in figures.css). */
export const SQUARE_TWIN_MEDIA = '(max-width: 36rem)';

/** The name of a figure's twin of a shape, without .png: <id> (wide) or <id>-square; the PNG route's [id]. */
export function twinName(id: string, shape: TwinShape): string {
  return shape === 'wide' ? id : `${id}-${shape}`;
}

/** The site path of a figure's twin PNG, base included: /figures/<lang>/<name>.png. */
export function twinPath(lang: Lang, id: string, shape: TwinShape = 'wide'): string {
  return withBase(`figures/${lang}/${twinName(id, shape)}.png`);
}
