// The figures by id: every id of ids.ts has exactly one definition (checked by the type and by the unit tests).
import type { FigureDefinition } from './types';
import { FIGURE_IDS, isFigureId, type FigureId } from './ids';
import { lossVsScale } from './loss-vs-scale';
import { dataLimitedLoss } from './data-limited-loss';
import { computeFrontier } from './compute-frontier';
import { fitYourOwn } from './fit-your-own';
import { emergenceFigure } from './emergence';
import { modelTimeline } from './model-timeline';
import { growingState } from './growing-state';

/** Every figure definition, keyed by its id. */
export const FIGURES: Readonly<Record<FigureId, FigureDefinition>> = Object.freeze({
  'loss-vs-scale': lossVsScale,
  'data-limited-loss': dataLimitedLoss,
  'compute-frontier': computeFrontier,
  'fit-your-own': fitYourOwn,
  emergence: emergenceFigure,
  'model-timeline': modelTimeline,
  'growing-state': growingState,
});

/** The definition of a figure id; throws naming the id if there is none. */
export function getFigure(id: string): FigureDefinition {
  if (!isFigureId(id)) throw new Error(`Unknown figure id "${id}" (known: ${FIGURE_IDS.join(', ')})`);
  return FIGURES[id];
}
