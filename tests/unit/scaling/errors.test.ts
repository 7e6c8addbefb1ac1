import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  GPT3_175B,
  HOFFMANN_2022,
  allocationExponents,
  chinchillaLoss,
  computeOptimal,
  exactMatch,
  fitPowerLaw,
  fitSaturatingPowerLaw,
  flopsToPfDays,
  kaplanLoss,
  kaplanLossVsCompute,
  kaplanLossVsData,
  kaplanLossVsParams,
  kaplanOptimalParams,
  kvCacheBytes,
  kvCacheBytesPerToken,
  logspace,
  pfDaysToFlops,
  tokenEditDistance,
  tokenProbability,
  trainingFlops,
  type DataPoint,
  type KvCacheShape,
  type LossFit,
} from '../../../src/lib/scaling';

// How the message renders a rejected number: "-0" stays visible, everything else is String(value).
const shown = (value: number): string => (Object.is(value, -0) ? '-0' : String(value));
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Asserts the call throws RangeError("<fn>: <param> must be …, got <value>").
function expectRejects(call: () => unknown, fn: string, param: string, value: string): void {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RangeError);
  expect((caught as Error).message).toMatch(new RegExp(`^${escape(fn)}: ${escape(param)} must be .+, got ${escape(value)}$`));
}

const notPositive = fc.oneof(
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity),
  fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
);
const notProbability = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity),
  fc.double({ min: 1 + Number.EPSILON, noNaN: true }),
  fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
);
const notLength = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, 2.5, NaN, Infinity, -Infinity),
  fc.integer({ max: 0 }),
  fc.double({ min: 1, max: 1e6, noNaN: true }).filter((v) => !Number.isInteger(v)),
);
const notCount = fc.oneof(fc.constantFrom(1, 0, -3, 2.5, NaN, Infinity), fc.integer({ max: 1 }));

type Case = readonly [fn: string, param: string, call: (bad: number) => unknown];

const positiveInputs: readonly Case[] = [
  ['trainingFlops', 'params', (v) => trainingFlops(v, 1e9)],
  ['trainingFlops', 'tokens', (v) => trainingFlops(1e9, v)],
  ['flopsToPfDays', 'flops', (v) => flopsToPfDays(v)],
  ['pfDaysToFlops', 'pfDays', (v) => pfDaysToFlops(v)],
  ['kaplanLossVsParams', 'N', (v) => kaplanLossVsParams(v)],
  ['kaplanLossVsData', 'D', (v) => kaplanLossVsData(v)],
  ['kaplanLossVsCompute', 'C', (v) => kaplanLossVsCompute(v)],
  ['kaplanLoss', 'N', (v) => kaplanLoss(v, 1e9)],
  ['kaplanLoss', 'D', (v) => kaplanLoss(1e9, v)],
  ['kaplanOptimalParams', 'C', (v) => kaplanOptimalParams(v)],
  ['chinchillaLoss', 'N', (v) => chinchillaLoss(v, 1e9)],
  ['chinchillaLoss', 'D', (v) => chinchillaLoss(1e9, v)],
  ['computeOptimal', 'C', (v) => computeOptimal(v)],
  ['logspace', 'start', (v) => logspace(v, 10, 5)],
  ['logspace', 'stop', (v) => logspace(1, v, 5)],
  ['kvCacheBytes', 'config.bytesPerValue', (v) => kvCacheBytes({ ...GPT3_175B, bytesPerValue: v }, 10)],
  ['fitPowerLaw', 'points[1].x', (v) => fitPowerLaw([{ x: 1, y: 1 }, { x: v, y: 2 }, { x: 3, y: 3 }])],
  ['fitPowerLaw', 'points[2].y', (v) => fitPowerLaw([{ x: 1, y: 1 }, { x: 2, y: 2 }, { x: 3, y: v }])],
  ['fitSaturatingPowerLaw', 'points[0].x', (v) => fitSaturatingPowerLaw([{ x: v, y: 3 }, { x: 2, y: 2 }, { x: 3, y: 1.5 }])],
  ['fitSaturatingPowerLaw', 'points[1].y', (v) => fitSaturatingPowerLaw([{ x: 1, y: 3 }, { x: 2, y: v }, { x: 3, y: 1.5 }])],
];

const fitFields = ['A', 'B', 'alpha', 'beta'] as const;

describe('bad input is rejected with a RangeError naming the function, the parameter and the value', () => {
  it('matches the documented message exactly for kaplanLossVsParams(-3)', () => {
    expect(() => kaplanLossVsParams(-3)).toThrow(
      new RangeError('kaplanLossVsParams: N must be a positive finite number of non-embedding parameters, got -3'),
    );
  });

  it.each(positiveInputs)('%s rejects a non-positive or non-finite %s', (fn, param, call) => {
    fc.assert(
      fc.property(notPositive, (bad) => {
        expectRejects(() => call(bad), fn, param, shown(bad));
      }),
    );
  });

  it('exactMatch and tokenEditDistance reject probabilities outside [0, 1] and NaN', () => {
    fc.assert(
      fc.property(notProbability, (bad) => {
        expectRejects(() => exactMatch(bad, 5), 'exactMatch', 'p', shown(bad));
        expectRejects(() => tokenEditDistance(bad, 5), 'tokenEditDistance', 'p', shown(bad));
      }),
    );
  });

  it('exactMatch and tokenEditDistance reject non-integer lengths and lengths < 1', () => {
    fc.assert(
      fc.property(notLength, (bad) => {
        expectRejects(() => exactMatch(0.5, bad), 'exactMatch', 'length', shown(bad));
        expectRejects(() => tokenEditDistance(0.5, bad), 'tokenEditDistance', 'length', shown(bad));
      }),
    );
  });

  it('tokenProbability rejects negative and non-finite losses', () => {
    for (const bad of [-1e-9, -1, NaN, Infinity, -Infinity]) expectRejects(() => tokenProbability(bad), 'tokenProbability', 'loss', shown(bad));
  });

  it('logspace rejects a count below 2 or not an integer', () => {
    fc.assert(
      fc.property(notCount, (bad) => {
        expectRejects(() => logspace(1, 10, bad), 'logspace', 'count', shown(bad));
      }),
    );
  });

  it('kvCacheBytes and kvCacheBytesPerToken reject non-integer or non-positive layers, heads, head size and tokens', () => {
    fc.assert(
      fc.property(notLength, fc.constantFrom('layers', 'kvHeads', 'headDim'), (bad, field) => {
        const shape: KvCacheShape = { ...GPT3_175B, [field]: bad };
        expectRejects(() => kvCacheBytesPerToken(shape), 'kvCacheBytesPerToken', `config.${field}`, shown(bad));
        expectRejects(() => kvCacheBytes(shape, 10), 'kvCacheBytes', `config.${field}`, shown(bad));
        expectRejects(() => kvCacheBytes(GPT3_175B, bad), 'kvCacheBytes', 'tokens', shown(bad));
      }),
    );
  });

  it('chinchillaLoss, computeOptimal and allocationExponents reject fits with non-positive A, B, α, β or negative E', () => {
    fc.assert(
      fc.property(notPositive, fc.constantFrom(...fitFields), (bad, field) => {
        const fit: LossFit = { ...HOFFMANN_2022, [field]: bad };
        expectRejects(() => chinchillaLoss(1e9, 1e9, fit), 'chinchillaLoss', `fit.${field}`, shown(bad));
        expectRejects(() => computeOptimal(1e20, fit), 'computeOptimal', `fit.${field}`, shown(bad));
        expectRejects(() => allocationExponents(fit), 'allocationExponents', `fit.${field}`, shown(bad));
      }),
    );
    expectRejects(() => chinchillaLoss(1e9, 1e9, { ...HOFFMANN_2022, E: -0.1 }), 'chinchillaLoss', 'fit.E', '-0.1');
  });

  it('kaplanLoss rejects non-positive constants', () => {
    fc.assert(
      fc.property(notPositive, fc.constantFrom('alphaN', 'alphaD', 'Nc', 'Dc'), (bad, field) => {
        const constants = { alphaN: 0.076, alphaD: 0.103, Nc: 6.4e13, Dc: 1.8e13, source: 'test', [field]: bad };
        expectRejects(() => kaplanLoss(1e9, 1e9, constants), 'kaplanLoss', `constants.${field}`, shown(bad));
      }),
    );
  });

  it('the fits reject fewer than two (fitPowerLaw) or three (fitSaturatingPowerLaw) distinct x values', () => {
    const cases: ReadonlyArray<readonly [DataPoint[], string]> = [
      [[], '0 points with 0 distinct x values'],
      [[{ x: 1, y: 2 }], '1 point with 1 distinct x value'],
      [[{ x: 5, y: 2 }, { x: 5, y: 3 }, { x: 5, y: 4 }], '3 points with 1 distinct x value'],
    ];
    for (const [points, got] of cases) expectRejects(() => fitPowerLaw(points), 'fitPowerLaw', 'points', got);
    expectRejects(
      () => fitSaturatingPowerLaw([{ x: 1, y: 3 }, { x: 2, y: 2 }]),
      'fitSaturatingPowerLaw',
      'points',
      '2 points with 2 distinct x values',
    );
  });

  it('the fits reject a non-array and entries that are not { x, y } objects (e.g. from a bad CSV parse)', () => {
    expectRejects(() => fitPowerLaw('1,2\n3,4' as unknown as DataPoint[]), 'fitPowerLaw', 'points', '"1,2\\n3,4"');
    expectRejects(() => fitPowerLaw([{ x: 1, y: 1 }, null] as unknown as DataPoint[]), 'fitPowerLaw', 'points[1]', 'null');
    expectRejects(
      () => fitSaturatingPowerLaw([{ x: 1, y: 1 }, { x: '2', y: 1 }] as unknown as DataPoint[]),
      'fitSaturatingPowerLaw',
      'points[1].x',
      '"2"',
    );
  });

  it('overflowing results are reported as RangeError, never returned as Infinity', () => {
    expect(() => trainingFlops(Number.MAX_VALUE, 2)).toThrow(/^trainingFlops: /);
    expect(() => chinchillaLoss(Number.MIN_VALUE, 1e9, { ...HOFFMANN_2022, alpha: 2 })).toThrow(/^chinchillaLoss: the loss is not representable/);
  });
});
