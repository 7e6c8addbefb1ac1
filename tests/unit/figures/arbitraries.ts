// fast-check arbitraries for figure states: valid states (for round trips) and bad link values (for fuzzing).
import fc from 'fast-check';
import { numberRange } from '../../../src/lib/figures/controls';
import type { Control, FigureDefinition, FigureState } from '../../../src/lib/figures/types';
import { TEXT_URL_LIMIT, encodedLength } from '../../../src/lib/figures/url-state';

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A CSV of 2–30 rows with distinct positive x and positive y (always usable, always short enough for a link). */
export const validCsv = fc
  .uniqueArray(fc.double({ min: 1e-3, max: 1e15, noNaN: true }), { minLength: 2, maxLength: 30, selector: (x) => Number(x.toPrecision(6)) })
  .chain((xs) =>
    fc.tuple(fc.constant(xs), fc.array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: xs.length, maxLength: xs.length }), fc.boolean()),
  )
  .map(([xs, ys, header]) => {
    const rows = xs.map((x, i) => `${Number(x.toPrecision(6))},${Number((ys[i] as number).toPrecision(6))}`);
    return (header ? ['size,loss', ...rows] : rows).join('\n');
  })
  .filter((text) => encodedLength(text) <= TEXT_URL_LIMIT);

/** A valid value for one control. */
export function validValue(control: Control): fc.Arbitrary<number | string> {
  if (control.kind === 'number') {
    const [min, max] = numberRange(control);
    const onStep = fc.constantFrom(...control.steps);
    const inRange = control.integer
      ? fc.integer({ min, max })
      : fc.double({ min, max, noNaN: true }).filter((v) => v >= min && v <= max);
    return fc.oneof(onStep, inRange);
  }
  if (control.kind === 'text') return validCsv;
  return fc.constantFrom(...control.options.map((o) => o.value));
}

/** A valid state for a figure: every control at a valid value. */
export function validState(def: FigureDefinition): fc.Arbitrary<FigureState> {
  return fc.record(Object.fromEntries(def.controls.map((c) => [c.name, validValue(c)]))) as fc.Arbitrary<FigureState>;
}

/** Text that is not a number at all (random strings and the usual suspects). */
export const notANumber = fc.oneof(
  fc.string({ maxLength: 12 }).filter((s) => !NUMBER_TEXT.test(s)),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '+Infinity', 'abc', '0x10', '1,000', '1e', 'e9', '--1', '1..2', ' 1', '1 ', '١٢٣', '1_000', '∞', 'null', 'undefined', '[]', '{}', '1e9e9'),
);

/** A link value that must be ignored for this control (malformed, out of range, not an option, too long, …). */
export function badValue(control: Control): fc.Arbitrary<string> {
  if (control.kind === 'number') {
    const [min, max] = numberRange(control);
    const outside = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => v < min || v > max),
      fc.constantFrom(min - 1, max * 10, -min, -max, 0, -0.5, 1e308, -1e308, 1e-320).filter((v) => v < min || v > max),
    );
    const overflow = fc.constantFrom('1e999', '-1e999', '1e400');
    const sources = [notANumber, outside.map((v) => String(v)), overflow];
    if (control.integer) sources.push(fc.double({ min, max, noNaN: true }).filter((v) => !Number.isInteger(v)).map(String));
    return fc.oneof(...sources);
  }
  if (control.kind === 'text') {
    return fc.oneof(
      { arbitrary: fc.string({ maxLength: 60 }).filter((s) => !/\d/.test(s)), weight: 8 },
      { arbitrary: fc.constantFrom('', '1,2', 'x,y\n1,2', 'a,b\nc,d\ne,f', '1,2\n1,3', '-1,2\n-3,4', 'NaN,NaN\nInfinity,1', '0,1\n0,2', '1;2;3\n4;5;6'), weight: 8 },
      { arbitrary: fc.constant(`1,2\n${'3,4\n'.repeat(400)}`), weight: 1 },
    );
  }
  const options = new Set(control.options.map((o) => o.value));
  return fc.oneof(fc.string({ maxLength: 16 }), fc.constantFrom('ALL', 'N', ' ', '%00', 'null', '0', 'undefined')).filter((s) => !options.has(s));
}

/** A control name the figure does not have. */
export function unknownControl(def: FigureDefinition): fc.Arbitrary<string> {
  const names = new Set(def.controls.map((c) => c.name));
  return fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !names.has(s));
}
