import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIGURES } from '../../../src/lib/figures/registry';
import { defaultState } from '../../../src/lib/figures/controls';
import {
  TEXT_URL_LIMIT, checkValue, decodeValue, encodeValue, paramKey, readFigureState, sanitizeState, writeFigureState,
} from '../../../src/lib/figures/url-state';
import { badValue, unknownControl, validState } from './arbitraries';

const defs = Object.values(FIGURES);
const query = (pairs: Array<[string, string]>) => `?${new URLSearchParams(pairs).toString()}`;

describe('the figure URL codec', () => {
  it('names a parameter "<figure id>.<control>"', () => {
    expect(paramKey('loss-vs-scale', 'n')).toBe('loss-vs-scale.n');
  });

  it('writes numbers in their shortest exact form', () => {
    expect(encodeValue(1.5e9)).toBe('1.5e9');
    expect(encodeValue(2048)).toBe('2048');
    expect(encodeValue(0.5)).toBe('0.5');
    expect(encodeValue(5.76e23)).toBe('5.76e23');
    expect(encodeValue('data')).toBe('data');
  });

  it('reads the example link of the README', () => {
    const { state, ignored } = readFigureState(FIGURES['loss-vs-scale'], '?loss-vs-scale.axis=d&loss-vs-scale.d=2e10');
    expect(ignored).toEqual([]);
    expect(state.axis).toBe('d');
    expect(state.d).toBe(2e10);
  });

  it('writes nothing for a figure at its defaults', () => {
    for (const def of defs) expect(writeFigureState(def, defaultState(def), '')).toBe('');
  });

  for (const def of defs) {
    describe(def.id, () => {
      it('round-trips every valid state: read(write(state)) = state, nothing ignored', () => {
        fc.assert(
          fc.property(validState(def), (state) => {
            const search = writeFigureState(def, state, '');
            const decoded = readFigureState(def, search);
            expect(decoded.ignored).toEqual([]);
            expect(decoded.state).toEqual(state);
          }),
          { numRuns: 300 },
        );
      });

      it('keeps parameters of other figures and of the page untouched, in order', () => {
        fc.assert(
          fc.property(validState(def), (state) => {
            const search = writeFigureState(def, state, '?lang=zh&emergence-x.q=1&other.a=b');
            const params = new URLSearchParams(search);
            expect(params.get('lang')).toBe('zh');
            expect(params.get('emergence-x.q')).toBe('1');
            expect(params.get('other.a')).toBe('b');
            expect(readFigureState(def, search).state).toEqual(state);
          }),
          { numRuns: 50 },
        );
      });

      it('ignores ≥ 200 fuzzed bad values per figure, keeping the defaults and naming each one', () => {
        const defaults = defaultState(def);
        let checked = 0;
        for (const control of def.controls) {
          fc.assert(
            fc.property(badValue(control), (raw) => {
              const key = paramKey(def.id, control.name);
              const { state, ignored } = readFigureState(def, query([[key, raw]]));
              expect(state).toEqual(defaults);
              expect(ignored).toHaveLength(1);
              expect(ignored[0]?.key).toBe(key);
              expect(ignored[0]?.value).toBe(raw);
              checked += 1;
            }),
            { numRuns: Math.ceil(220 / def.controls.length) },
          );
        }
        fc.assert(
          fc.property(unknownControl(def), fc.string({ maxLength: 8 }), (name, raw) => {
            const { state, ignored } = readFigureState(def, query([[`${def.id}.${name}`, raw]]));
            expect(state).toEqual(defaults);
            expect(ignored.map((i) => i.reason)).toEqual(['unknown-control']);
            checked += 1;
          }),
          { numRuns: 40 },
        );
        expect(checked).toBeGreaterThanOrEqual(200);
      });

      it('takes the first of a repeated parameter and reports the repeat', () => {
        const control = def.controls[0]!;
        const key = paramKey(def.id, control.name);
        const value = encodeValue(control.default);
        const { state, ignored } = readFigureState(def, query([[key, value], [key, value]]));
        expect(state).toEqual(defaultState(def));
        expect(ignored.map((i) => i.reason)).toEqual(['duplicate']);
      });

      it('never lets a bad state value through sanitizeState', () => {
        fc.assert(
          fc.property(fc.dictionary(fc.constantFrom(...def.controls.map((c) => c.name)), fc.oneof(fc.double(), fc.string(), fc.constant(undefined))), (raw) => {
            const state = sanitizeState(def, raw);
            for (const control of def.controls) expect(checkValue(control, state[control.name])).toBeUndefined();
          }),
          { numRuns: 100 },
        );
      });
    });
  }

  it('ignores parameters that belong to no figure on the page', () => {
    const { ignored } = readFigureState(FIGURES.emergence, '?loss-vs-scale.n=abc&foo=bar&emergencex.length=3');
    expect(ignored).toEqual([]);
  });

  it('explains each rejection', () => {
    const lossVsScale = FIGURES['loss-vs-scale'];
    const control = lossVsScale.controls.find((c) => c.name === 'n')!;
    expect(decodeValue(control, 'abc')).toEqual({ reason: 'not-a-number' });
    expect(decodeValue(control, 'Infinity')).toEqual({ reason: 'not-a-number' });
    expect(decodeValue(control, '1e999')).toEqual({ reason: 'not-a-number' });
    expect(decodeValue(control, '5')).toEqual({ reason: 'out-of-range' });
    expect(decodeValue(control, '1.5e9')).toEqual({ value: 1.5e9 });
    const length = FIGURES.emergence.controls[0]!;
    expect(decodeValue(length, '2.5')).toEqual({ reason: 'not-an-integer' });
    const axis = lossVsScale.controls.find((c) => c.name === 'axis')!;
    expect(decodeValue(axis, 'x')).toEqual({ reason: 'unknown-option' });
  });

  it(`keeps pasted data out of the link beyond ${TEXT_URL_LIMIT} encoded characters`, () => {
    const def = FIGURES['fit-your-own'];
    const long = Array.from({ length: 200 }, (_, i) => `${i + 1},${(10 / (i + 1)).toFixed(4)}`).join('\n');
    expect(writeFigureState(def, { data: long }, '')).toBe('');
    const short = '1,3\n10,2\n100,1.5';
    expect(writeFigureState(def, { data: short }, '')).toBe(`?fit-your-own.data=${encodeURIComponent(short).replace(/%2C/g, '%2C')}`);
    expect(readFigureState(def, writeFigureState(def, { data: short }, '')).state.data).toBe(short);
  });
});
