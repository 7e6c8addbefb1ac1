// Benchmark of the scaling-law module (src/lib/scaling): bundles the TypeScript in memory with
// esbuild, imports the bundle from a data: URL, and reports the median wall time of repeated runs.
//   node scripts/bench-lib.mjs          prints a table
//   node scripts/bench-lib.mjs --json   prints only JSON on stdout
// A combined bench script can `import { runLibBench } from './bench-lib.mjs'` instead.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const ENTRY = fileURLToPath(new URL('../src/lib/scaling/index.ts', import.meta.url));
const EVALUATIONS = 1_000_000;
const FIT_POINTS = 10_000;
// The module's own cost over the bare formula (argument checks, the overflow fallback) may be at most half the formula's:
// a loss function within 1.5 × the same formula written inline, on whatever machine runs the bench. A curve, which
// takes one log and one exp per point where the two-term formula takes two of each, must beat the formula itself.
const OVERHEAD_TARGET = 1.5;
const CURVE_TARGET = 1;

async function loadScaling() {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

// Deterministic multiplicative noise so every run fits the same data.
function noisyCurve(count, curve) {
  let state = 12345;
  const xs = Array.from({ length: count }, (_, i) => 1e6 * 10 ** ((5 * i) / (count - 1)));
  return xs.map((x) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return { x, y: curve(x) * (1 + 0.01 * (state / 2 ** 32 - 0.5)) };
  });
}

/** The median of a list of numbers (with an even count, the mean of the middle two). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Times `task` once to warm up, then `runs` times; returns median, min and max in milliseconds.
function time(task, runs) {
  let sink = task();
  const samples = [];
  for (let r = 0; r < runs; r += 1) {
    const start = performance.now();
    sink += task();
    samples.push(performance.now() - start);
  }
  if (!Number.isFinite(sink)) throw new Error('benchmark produced a non-finite result');
  return { medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples) };
}

/**
 * Runs the library benchmark. Resolves to { runs, node, results, reference }, where results and
 * reference map a name to { operations, medianMs, minMs, maxMs }; reference times the bare formulas inline, and a
 * result with a target also carries targetText, targetMs (that target on this machine) and withinTarget.
 */
export async function runLibBench({ runs = 7 } = {}) {
  if (!Number.isInteger(runs) || runs < 5) throw new RangeError(`runLibBench: runs must be an integer >= 5, got ${runs}`);
  const scaling = await loadScaling();
  const { chinchillaLoss, chinchillaLossCurve, kaplanLoss, fitPowerLaw, fitSaturatingPowerLaw } = scaling;
  const curveParams = Float64Array.from({ length: EVALUATIONS }, (_, i) => 1e8 * (1 + (i % 1000)));
  const powerLawData = noisyCurve(FIT_POINTS, (x) => 3e5 * x ** -0.3);
  const saturatingData = noisyCurve(FIT_POINTS, (x) => 1.69 + 406.4 * x ** -0.34);

  // One loop per function (not a shared higher-order loop) so each call site stays monomorphic.
  // N runs over 1e8–1e11 parameters and D over 2e10–2e13 tokens.
  const chinchillaLoop = () => {
    let sum = 0;
    for (let i = 0; i < EVALUATIONS; i += 1) sum += chinchillaLoss(1e8 * (1 + (i % 1000)), 2e10 * (1 + (i % 997)));
    return sum;
  };
  const kaplanLoop = () => {
    let sum = 0;
    for (let i = 0; i < EVALUATIONS; i += 1) sum += kaplanLoss(1e8 * (1 + (i % 1000)), 2e10 * (1 + (i % 997)));
    return sum;
  };
  // Reference: the same two formulas written inline with literal constants and no argument checks,
  // i.e. the floor this machine's Math.exp / Math.log set for 10^6 evaluations.
  const chinchillaInline = () => {
    let sum = 0;
    for (let i = 0; i < EVALUATIONS; i += 1) {
      const N = 1e8 * (1 + (i % 1000));
      const D = 2e10 * (1 + (i % 997));
      sum += 1.69 + 406.4 * Math.exp(-0.34 * Math.log(N)) + 410.7 * Math.exp(-0.28 * Math.log(D));
    }
    return sum;
  };
  const kaplanInline = () => {
    let sum = 0;
    for (let i = 0; i < EVALUATIONS; i += 1) {
      const N = 1e8 * (1 + (i % 1000));
      const D = 2e10 * (1 + (i % 997));
      sum += Math.exp(0.103 * Math.log(Math.exp((0.076 / 0.103) * Math.log(6.4e13 / N)) + 1.8e13 / D));
    }
    return sum;
  };
  const tasks = {
    chinchillaLoss: { operations: EVALUATIONS, task: chinchillaLoop, target: { times: OVERHEAD_TARGET, of: 'chinchillaFormulaInline' } },
    kaplanLoss: { operations: EVALUATIONS, task: kaplanLoop, target: { times: OVERHEAD_TARGET, of: 'kaplanFormulaInline' } },
    // How figures evaluate: 10^6 points along curves at a fixed data size.
    chinchillaLossCurve: {
      operations: EVALUATIONS,
      task: () => chinchillaLossCurve(curveParams, 2e10)[EVALUATIONS - 1],
      target: { times: CURVE_TARGET, of: 'chinchillaFormulaInline' },
    },
    fitPowerLaw: { operations: FIT_POINTS, task: () => fitPowerLaw(powerLawData).b },
    fitSaturatingPowerLaw: { operations: FIT_POINTS, task: () => fitSaturatingPowerLaw(saturatingData).E },
  };
  const referenceTasks = {
    chinchillaFormulaInline: { operations: EVALUATIONS, task: chinchillaInline },
    kaplanFormulaInline: { operations: EVALUATIONS, task: kaplanInline },
  };
  const measure = (entries) =>
    Object.fromEntries(Object.entries(entries).map(([name, { operations, task }]) => [name, { operations, ...time(task, runs) }]));
  const reference = measure(referenceTasks);
  const results = measure(tasks);
  // Each target as a time on this machine: `times` × the median of the reference it names.
  for (const [name, { target }] of Object.entries(tasks)) {
    if (!target) continue;
    const targetMs = target.times * reference[target.of].medianMs;
    Object.assign(results[name], { targetMs, targetText: `≤ ${target.times} × ${target.of}`, withinTarget: results[name].medianMs <= targetMs });
  }
  return { runs, node: process.version, results, reference };
}

function printTable({ runs, node, results, reference }) {
  const all = [...Object.entries(results), ...Object.entries(reference).map(([name, r]) => [`(reference) ${name}`, r])];
  const rows = all.map(([name, r]) => [
    name,
    r.operations.toLocaleString('en'),
    r.medianMs.toFixed(2),
    r.minMs.toFixed(2),
    r.maxMs.toFixed(2),
    r.targetMs === undefined ? '—' : `${r.targetText} (${r.targetMs.toFixed(1)}) ${r.withinTarget ? 'ok' : 'MISSED'}`,
  ]);
  const header = ['function', 'calls / points', 'median ms', 'min ms', 'max ms', 'target'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(`scaling library benchmark — median of ${runs} runs after one warm-up, Node ${node}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runLibBench();
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  else printTable(figures);
}
