// The figures by id for the browser: each definition is its own chunk, so a page loads only its figures' code.
import type { FigureDefinition } from './types';
import { isFigureId, type FigureId } from './ids';

const LOADERS: Readonly<Record<FigureId, () => Promise<FigureDefinition>>> = {
  'loss-vs-scale': () => import('./loss-vs-scale').then((m) => m.lossVsScale),
  'data-limited-loss': () => import('./data-limited-loss').then((m) => m.dataLimitedLoss),
  'compute-frontier': () => import('./compute-frontier').then((m) => m.computeFrontier),
  'fit-your-own': () => import('./fit-your-own').then((m) => m.fitYourOwn),
  emergence: () => import('./emergence').then((m) => m.emergenceFigure),
  'model-timeline': () => import('./model-timeline').then((m) => m.modelTimeline),
  'growing-state': () => import('./growing-state').then((m) => m.growingState),
};

/** Loads the definition of a figure id (rejects naming the id if there is none). */
export function loadFigure(id: string): Promise<FigureDefinition> {
  if (!isFigureId(id)) return Promise.reject(new Error(`Unknown figure id "${id}"`));
  return LOADERS[id]();
}
