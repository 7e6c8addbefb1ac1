/** The figure ids a chapter may place with `<Figure id>`: stable slugs shared by both editions. */
export const FIGURE_IDS = [
  'loss-vs-scale',
  'data-limited-loss',
  'compute-frontier',
  'fit-your-own',
  'emergence',
  'model-timeline',
  'growing-state',
] as const;

export type FigureId = (typeof FIGURE_IDS)[number];

/** True when a string names one of the essay's figures. */
export function isFigureId(value: string): value is FigureId {
  return (FIGURE_IDS as readonly string[]).includes(value);
}
