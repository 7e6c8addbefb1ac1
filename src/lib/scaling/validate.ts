// Argument checks shared by every public entry point of the scaling module.
// Each check throws a RangeError of the form
//   "<function>: <parameter> must be <requirement>, got <value>"
// so a reader who pastes bad data sees which call and which value failed.

/** Renders a rejected value for an error message (keeps -0, NaN, Infinity and non-numbers visible). */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return String(value);
}

/** Builds the module's RangeError: "<fn>: <param> must be <requirement>, got <got>"; `got` is already rendered text. */
export function rangeError(fn: string, param: string, requirement: string, got: string): RangeError {
  return new RangeError(`${fn}: ${param} must be ${requirement}, got ${got}`);
}

/** Requires a finite number > 0; `unit` completes "a positive finite number…", e.g. " of tokens". */
export function requirePositive(fn: string, param: string, value: number, unit = ''): void {
  // The negated comparison also rejects NaN and non-numbers coerced by callers outside TypeScript.
  if (typeof value !== 'number' || !(value > 0 && value < Infinity)) {
    throw rangeError(fn, param, `a positive finite number${unit}`, describeValue(value));
  }
}

/** Requires a finite number >= 0; `unit` completes "a non-negative finite number…". */
export function requireNonNegative(fn: string, param: string, value: number, unit = ''): void {
  if (typeof value !== 'number' || !(value >= 0 && value < Infinity)) {
    throw rangeError(fn, param, `a non-negative finite number${unit}`, describeValue(value));
  }
}

/** Requires a probability: a finite number in the closed interval [0, 1]. */
export function requireProbability(fn: string, param: string, value: number): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw rangeError(fn, param, 'a probability in [0, 1]', describeValue(value));
  }
}

/** Requires an integer in [min, max] (both inclusive); `unit` names what is counted, e.g. " of tokens". */
export function requireInteger(
  fn: string,
  param: string,
  value: number,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
  unit = '',
): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const upper = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `between ${min} and ${max}`;
    throw rangeError(fn, param, `an integer ${upper}${unit}`, describeValue(value));
  }
}

/** True for a finite number > 0 (false for NaN, ±Infinity, 0, negatives). */
export function isPositiveFinite(value: number): boolean {
  return value > 0 && value < Infinity;
}

/** Builds the RangeError for a result that valid-looking inputs pushed outside the positive finite doubles. */
export function resultError(fn: string, what: string, value: number, inputs: string): RangeError {
  return new RangeError(`${fn}: ${what} is not representable as a positive finite double for ${inputs}, got ${describeValue(value)}`);
}
