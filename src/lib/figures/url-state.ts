// THE URL scheme for sharing a figure's state.
//
//   /en/scaling-laws/?loss-vs-scale.axis=data&loss-vs-scale.d=2e10#fig-loss-vs-scale
//
// - One query parameter per control, named "<figure id>.<control name>"; the value is the control's value:
//   numbers in plain or exponent form ("1.5e9", "2048"), choices by their option value ("data"), text
//   (the pasted CSV of fit-your-own) percent-encoded as usual for a query string.
// - Only values that differ from the default are written, so a figure at its defaults adds nothing.
// - Parameters of other figures and unrelated parameters are left exactly as they are; several figures on one
//   page share the query string. The hash "#fig-<id>" scrolls to the figure that was shared.
// - A value that is malformed (not a number, not a whole number where one is needed), out of range, not one of
//   the options, too long, given twice, or names no control of the figure is ignored: the control keeps its
//   default and the figure lists what it ignored ("Ignored link value loss-vs-scale.n=abc (not a number)").
// - Text longer than TEXT_URL_LIMIT characters once encoded is not written into the address at all.
// Pure functions, no DOM: the browser island calls them with location.search and history.replaceState.
import { numberRange } from './controls';
import type { Control, FigureModel, FigureState, IgnoreReason } from './types';

/** Longest encoded text value (e.g. pasted CSV data) kept in a link, in characters after percent-encoding. */
export const TEXT_URL_LIMIT = 1500;

/** A link value that was not used, and why. */
export interface IgnoredValue {
  readonly key: string;
  readonly value: string;
  readonly reason: IgnoreReason;
}

/** The state read from a link and the values it ignored. */
export interface DecodedState {
  readonly state: FigureState;
  readonly ignored: readonly IgnoredValue[];
}

const NUMBER_PATTERN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The query parameter name of a control: "<figure id>.<control name>". */
export function paramKey(figureId: string, control: string): string {
  return `${figureId}.${control}`;
}

/** The encoded length of a value as it would appear in a query string. */
export function encodedLength(value: string): number {
  return new URLSearchParams([['', value]]).toString().length - 1;
}

/**
 * Why a value is not acceptable for a control, or undefined when it is. `forLink` adds the rules for values
 * read from (or written to) a link: text must fit TEXT_URL_LIMIT once encoded and pass the control's own check.
 */
export function checkValue(control: Control, value: unknown, forLink = false): IgnoreReason | undefined {
  if (control.kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'not-a-number';
    if (control.integer && !Number.isInteger(value)) return 'not-an-integer';
    const [min, max] = numberRange(control);
    return value >= min && value <= max ? undefined : 'out-of-range';
  }
  if (typeof value !== 'string') return control.kind === 'text' ? 'no-data' : 'unknown-option';
  if (control.kind === 'text') {
    if (value.length > control.maxLength) return 'too-long';
    if (!forLink) return undefined;
    if (encodedLength(value) > TEXT_URL_LIMIT) return 'too-long';
    return control.validate?.(value);
  }
  return control.options.some((option) => option.value === value) ? undefined : 'unknown-option';
}

/** Parses one link value for a control: the value, or why it cannot be used. */
export function decodeValue(control: Control, raw: string): { value: number | string } | { reason: IgnoreReason } {
  let value: number | string = raw;
  if (control.kind === 'number') {
    if (!NUMBER_PATTERN.test(raw)) return { reason: 'not-a-number' };
    value = Number(raw);
  }
  const reason = checkValue(control, value, true);
  return reason ? { reason } : { value };
}

/** A control value as link text: the shortest exact number form ("1.5e9", "2048", "0.5") or the string itself. */
export function encodeValue(value: number | string): string {
  if (typeof value === 'string') return value;
  const plain = String(value);
  const exponent = value.toExponential().replace('e+', 'e');
  return exponent.length < plain.length ? exponent : plain;
}

/** Reads a figure's state from a query string: defaults, overridden by valid parameters; lists the ignored ones. */
export function readFigureState(def: FigureModel, search: string | URLSearchParams): DecodedState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const prefix = `${def.id}.`;
  const state: Record<string, number | string> = {};
  for (const control of def.controls) state[control.name] = control.default;
  const ignored: IgnoredValue[] = [];
  const seen = new Set<string>();
  for (const [key, raw] of params) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    const control = def.controls.find((c) => c.name === name);
    if (!control) {
      ignored.push({ key, value: raw, reason: 'unknown-control' });
      continue;
    }
    if (seen.has(name)) {
      ignored.push({ key, value: raw, reason: 'duplicate' });
      continue;
    }
    seen.add(name);
    const decoded = decodeValue(control, raw);
    if ('reason' in decoded) ignored.push({ key, value: raw, reason: decoded.reason });
    else state[name] = decoded.value;
  }
  return { state, ignored };
}

/** Writes a figure's state into a query string: replaces this figure's parameters, keeps all others in order. */
export function writeFigureState(def: FigureModel, state: FigureState, search: string): string {
  const params = new URLSearchParams(search);
  const prefix = `${def.id}.`;
  for (const key of [...new Set(params.keys())]) if (key.startsWith(prefix)) params.delete(key);
  for (const control of def.controls) {
    const value = state[control.name];
    if (value === undefined || value === control.default || checkValue(control, value, true)) continue;
    params.append(paramKey(def.id, control.name), encodeValue(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A state with every invalid or missing value replaced by the control's default. */
export function sanitizeState(def: FigureModel, state: Readonly<Record<string, unknown>>): FigureState {
  return Object.fromEntries(
    def.controls.map((control) => {
      const value = state[control.name];
      return [control.name, checkValue(control, value) === undefined ? (value as number | string) : control.default];
    }),
  );
}
