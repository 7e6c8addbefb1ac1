import { describe, expect, it } from 'vitest';
import { mathNearTop } from '../../../src/lib/math-fonts';

describe('mathNearTop', () => {
  it('finds inline and display math in the opening prose', () => {
    expect(mathNearTop('The budget is $C\\approx6ND$ FLOPs.')).toBe(true);
    expect(mathNearTop('Intro.\n\n$$\nL(N)=(N_c/N)^{\\alpha_N}\n$$\n')).toBe(true);
  });
  it('ignores math beyond the first screen, counting a CJK character as two columns', () => {
    expect(mathNearTop(`${'word '.repeat(170)} $x$`)).toBe(false);
    expect(mathNearTop(`${'字'.repeat(380)} $x$`)).toBe(true);
    expect(mathNearTop(`${'字'.repeat(420)} $x$`)).toBe(false);
  });
  it('ignores imports, code and escaped or lone dollar signs', () => {
    expect(mathNearTop("import X from './x';\nPrices in \\$5 and $ 6.")).toBe(false);
    expect(mathNearTop('Run `echo $HOME$` first.')).toBe(false);
    expect(mathNearTop('```\n$a$\n```\nplain text')).toBe(false);
  });
});
