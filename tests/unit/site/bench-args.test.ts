import { describe, expect, it } from 'vitest';
import { parseBenchArgs, USAGE } from '../../../scripts/bench-args.mjs';

describe('the benchmark command line', () => {
  it('runs everything, five Lighthouse runs a page, when given no flag', () => {
    expect(parseBenchArgs([])).toEqual({
      lighthousePages: Infinity, lighthouse: true, lighthouseRuns: 5, pdf: true, scale: [0, 50, 100, 150, 200], figures: true,
      build: true, https: false,
    });
  });

  it('reads switches and values wherever they stand', () => {
    const options = parseBenchArgs(['--no-pdf', '--lighthouse-runs', '3', '--scale', '0,20', '--pages', '2', '--https']);
    expect(options).toMatchObject({ pdf: false, lighthouseRuns: 3, scale: [0, 20], lighthousePages: 2, https: true });
    expect(parseBenchArgs(['--no-scale', '--scale', '0,5']).scale).toEqual([]);
  });

  it('stops on a flag it does not know, naming it', () => {
    expect(() => parseBenchArgs(['--no-pdfs'])).toThrow(/unknown flag "--no-pdfs"/);
    expect(() => parseBenchArgs(['3'])).toThrow(RangeError);
  });

  it('stops on a bad or missing value, naming the flag', () => {
    expect(() => parseBenchArgs(['--lighthouse-runs', '0'])).toThrow(/--lighthouse-runs must be a whole number ≥ 1, got "0"/);
    expect(() => parseBenchArgs(['--pages', 'two'])).toThrow(/--pages .* got "two"/);
    expect(() => parseBenchArgs(['--pages'])).toThrow(/--pages .* got ""/);
    expect(() => parseBenchArgs(['--scale', '0,,100'])).toThrow(/--scale .* got ""/);
    expect(() => parseBenchArgs(['--scale', '0,-5'])).toThrow(/--scale must be a whole number ≥ 0, got "-5"/);
  });

  it('lists every flag it accepts in its help text', () => {
    for (const flag of ['--pages', '--lighthouse-runs', '--no-lighthouse', '--no-pdf', '--no-figures', '--no-scale', '--scale', '--skip-build', '--https', '--help']) {
      expect(USAGE).toContain(flag);
    }
  });
});
