// The benchmark's command line: which parts to run, how often. An unknown flag or a bad value stops the bench
// before it builds anything, with a message naming the flag.

/** What `npm run bench -- --help` prints. */
export const USAGE = `npm run bench -- [flags]
  --pages N             Lighthouse on the first N chapter pages only (default: all)
  --lighthouse-runs N   Lighthouse runs per page (default 5, as Lighthouse's variability guide advises; the median
                        run is reported)
  --no-lighthouse       skip Lighthouse
  --no-pdf              skip the PDFs
  --no-figures          skip the chart redraw benchmark
  --no-scale            skip the scale test
  --scale 0,50,100      the scale test's steps, extra chapters per build (default 0,50,100,150,200)
  --skip-build          reuse .tmp/bench-dist from a previous run (no build timings)
  --https               serve the Lighthouse runs over HTTPS and HTTP/2, as production hosts do, with a throwaway
                        self-signed certificate (needs the openssl command); default: plain HTTP/1.1
  --help                print this and stop`;

const SWITCHES = ['--no-lighthouse', '--no-pdf', '--no-figures', '--no-scale', '--skip-build', '--https', '--help'];
const WITH_VALUE = ['--pages', '--lighthouse-runs', '--scale'];

/** A flag's value as a whole number ≥ min; anything else throws a RangeError naming the flag. */
function count(flag, text, min) {
  const n = Number(text);
  if (text === undefined || text === '' || !Number.isInteger(n) || n < min) {
    throw new RangeError(`${flag} must be a whole number ≥ ${min}, got "${text ?? ''}"`);
  }
  return n;
}

/** The bench's options from its arguments (process.argv.slice(2)); throws on a flag it does not know. */
export function parseBenchArgs(argv) {
  const values = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (WITH_VALUE.includes(arg)) {
      values[arg] = argv[i + 1];
      i++;
    } else if (!SWITCHES.includes(arg)) {
      throw new RangeError(`unknown flag "${arg}" (npm run bench -- --help lists the flags)`);
    }
  }
  const has = (flag) => argv.includes(flag);
  const given = (flag) => Object.hasOwn(values, flag);
  return {
    lighthousePages: given('--pages') ? count('--pages', values['--pages'], 1) : Infinity,
    lighthouse: !has('--no-lighthouse'),
    lighthouseRuns: given('--lighthouse-runs') ? count('--lighthouse-runs', values['--lighthouse-runs'], 1) : 5,
    pdf: !has('--no-pdf'),
    scale: has('--no-scale')
      ? []
      : given('--scale')
        ? String(values['--scale'] ?? '').split(',').map((n) => count('--scale', n, 0))
        : [0, 50, 100, 150, 200],
    figures: !has('--no-figures'),
    build: !has('--skip-build'),
    https: has('--https'),
  };
}
