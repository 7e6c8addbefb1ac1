// The figures by id: every id of ids.ts has exactly one definition (checked by the type and by the unit tests).
import type { FigureCredits, FigureDefinition, FigureModel } from './types';
import { FIGURE_IDS, isFigureId, type FigureId } from './ids';
import { lossVsScale, lossVsScaleCredits } from './loss-vs-scale';
import { dataLimitedLoss, dataLimitedLossCredits } from './data-limited-loss';
import { computeFrontier, computeFrontierCredits } from './compute-frontier';
import { fitYourOwn, fitYourOwnCredits } from './fit-your-own';
import { emergenceFigure, emergenceFigureCredits } from './emergence';
import { modelTimeline, modelTimelineCredits } from './model-timeline';
import { growingState, growingStateCredits } from './growing-state';

/** A figure's live part and credits as one definition (the spread keeps the live part's methods as they are). */
const whole = (model: FigureModel, credits: FigureCredits): FigureDefinition => Object.freeze({ ...model, ...credits });

/** Every figure definition, keyed by its id. */
export const FIGURES: Readonly<Record<FigureId, FigureDefinition>> = Object.freeze({
  'loss-vs-scale': whole(lossVsScale, lossVsScaleCredits),
  'data-limited-loss': whole(dataLimitedLoss, dataLimitedLossCredits),
  'compute-frontier': whole(computeFrontier, computeFrontierCredits),
  'fit-your-own': whole(fitYourOwn, fitYourOwnCredits),
  emergence: whole(emergenceFigure, emergenceFigureCredits),
  'model-timeline': whole(modelTimeline, modelTimelineCredits),
  'growing-state': whole(growingState, growingStateCredits),
});

/** The definition of a figure id; throws naming the id if there is none. */
export function getFigure(id: string): FigureDefinition {
  if (!isFigureId(id)) throw new Error(`Unknown figure id "${id}" (known: ${FIGURE_IDS.join(', ')})`);
  return FIGURES[id];
}
