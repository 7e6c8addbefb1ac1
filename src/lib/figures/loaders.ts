// The figures by id for the browser: each definition is its own chunk, so a page loads only its figures' code.
// Each loader takes only the live part of its module ({ name } destructuring lets the bundler drop the credits,
// which the build has already printed into the page).
import type { FigureModel } from './types';
import { isFigureId, type FigureId } from './ids';

const LOADERS: Readonly<Record<FigureId, () => Promise<FigureModel>>> = {
  'loss-vs-scale': () => import('./loss-vs-scale').then(({ lossVsScale }) => lossVsScale),
  'data-limited-loss': () => import('./data-limited-loss').then(({ dataLimitedLoss }) => dataLimitedLoss),
  'compute-frontier': () => import('./compute-frontier').then(({ computeFrontier }) => computeFrontier),
  'fit-your-own': () => import('./fit-your-own').then(({ fitYourOwn }) => fitYourOwn),
  emergence: () => import('./emergence').then(({ emergenceFigure }) => emergenceFigure),
  'model-timeline': () => import('./model-timeline').then(({ modelTimeline }) => modelTimeline),
  'growing-state': () => import('./growing-state').then(({ growingState }) => growingState),
};

/** Loads the definition of a figure id (rejects naming the id if there is none). */
export function loadFigure(id: string): Promise<FigureModel> {
  if (!isFigureId(id)) return Promise.reject(new Error(`Unknown figure id "${id}"`));
  return LOADERS[id]();
}
