// Control helpers shared by every figure: slider grids, default state, visibility and slider positions.
import type { Control, FigureModel, FigureState, NumberControl } from './types';

/** Mantissas of the "nice" log grid: each decade reads 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8. */
export const NICE_MANTISSAS: readonly number[] = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8];

/** Slider positions m×10^k (m from NICE_MANTISSAS) from min to max, both included, ascending. */
export function niceLogSteps(min: number, max: number, mantissas: readonly number[] = NICE_MANTISSAS): number[] {
  const steps = new Set<number>([min, max]);
  for (let k = Math.floor(Math.log10(min)); k <= Math.ceil(Math.log10(max)); k += 1) {
    for (const m of mantissas) {
      const value = Number((m * 10 ** k).toPrecision(12));
      if (value > min && value < max) steps.add(value);
    }
  }
  return [...steps].sort((a, b) => a - b);
}

/** Slider positions 2^k from min to max (powers of two, both ends included), ascending. */
export function powerOfTwoSteps(min: number, max: number): number[] {
  const steps = new Set<number>([min, max]);
  for (let v = 1; v <= max; v *= 2) if (v > min && v < max) steps.add(v);
  return [...steps].sort((a, b) => a - b);
}

/** Slider positions min, min+step, …, max (rounded to 12 significant digits), ascending. */
export function linearSteps(min: number, max: number, step: number): number[] {
  const steps: number[] = [];
  const count = Math.round((max - min) / step);
  for (let i = 0; i <= count; i += 1) steps.push(Number((min + i * step).toPrecision(12)));
  return steps;
}

/** The accepted range [min, max] of a numeric control: its first and last slider positions. */
export function numberRange(control: NumberControl): [number, number] {
  return [control.steps[0] as number, control.steps[control.steps.length - 1] as number];
}

/** The slider position nearest to a value (nearest in log terms when all steps are positive). */
export function nearestStepIndex(control: NumberControl, value: number): number {
  const logScale = (control.steps[0] as number) > 0 && value > 0;
  const distance = (step: number) => (logScale ? Math.abs(Math.log(step) - Math.log(value)) : Math.abs(step - value));
  let best = 0;
  control.steps.forEach((step, i) => {
    if (distance(step) < distance(control.steps[best] as number)) best = i;
  });
  return best;
}

/** Every control at its default value. */
export function defaultState(def: FigureModel): FigureState {
  return Object.fromEntries(def.controls.map((control) => [control.name, control.default]));
}

/** Whether a control is shown for this state (controls without `visible` always are). */
export function isVisible(control: Control, state: FigureState): boolean {
  return control.visible ? control.visible(state) : true;
}

/** A state value read as a number, or the control's default when missing or of the wrong type. */
export function numberValue(def: FigureModel, state: FigureState, name: string): number {
  const value = state[name];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const control = def.controls.find((c) => c.name === name);
  return control && typeof control.default === 'number' ? control.default : Number.NaN;
}

/** A state value read as a string, or the control's default when missing or of the wrong type. */
export function stringValue(def: FigureModel, state: FigureState, name: string): string {
  const value = state[name];
  if (typeof value === 'string') return value;
  const control = def.controls.find((c) => c.name === name);
  return control && typeof control.default === 'string' ? control.default : '';
}

/** The exact powers of ten from min to max (both powers of ten), e.g. decades(1e6, 1e9) → [1e6, 1e7, 1e8, 1e9]. */
export function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let k = Math.round(Math.log10(min)); k <= Math.round(Math.log10(max)); k += 1) out.push(Number(`1e${k}`));
  return out;
}

const BOUND_MANTISSAS = [1, 1.5, 2, 3, 4, 5, 6, 8, 10];

/**
 * Log-axis bounds that contain every positive finite value: the enclosing powers of ten when the values span
 * 1.5 decades or more, otherwise the enclosing "nice" values m×10^k (m in 1, 1.5, 2, 3, 4, 5, 6, 8).
 */
export function logBounds(values: readonly number[]): { min: number; max: number } {
  const usable = values.filter((v) => v > 0 && Number.isFinite(v));
  if (usable.length === 0) return { min: 1, max: 10 };
  const lo = Math.min(...usable);
  const hi = Math.max(...usable);
  const down = (v: number) => {
    const k = Math.floor(Math.log10(v) + 1e-12);
    const m = [...BOUND_MANTISSAS].reverse().find((c) => c * 10 ** k <= v * (1 + 1e-12)) ?? 1;
    return Number((m * 10 ** k).toPrecision(12));
  };
  const up = (v: number) => {
    const k = Math.floor(Math.log10(v) + 1e-12);
    const m = BOUND_MANTISSAS.find((c) => c * 10 ** k >= v * (1 - 1e-12)) ?? 10;
    return Number((m * 10 ** k).toPrecision(12));
  };
  if (Math.log10(hi / lo) < 1.5) {
    const min = down(lo);
    const max = up(hi);
    return max > min ? { min, max } : { min, max: min * 10 };
  }
  const min = Number(`1e${Math.floor(Math.log10(lo) + 1e-9)}`);
  let max = Number(`1e${Math.ceil(Math.log10(hi) - 1e-9)}`);
  if (max <= min) max = min * 10;
  return { min, max };
}

/** A function remembered for its last few argument lists (keyed by their JSON): curves a slider does not change are built once. */
export function memo<A extends unknown[], R>(fn: (...args: A) => R, size = 8): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A) => {
    const key = JSON.stringify(args);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = fn(...args);
    if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    return value;
  };
}
