// Synthetic scale test of the build: copies content/ into a temporary folder, adds N extra chapters in both languages
// (copies of the real ones under a new slug, order and title), builds each variant with ESSAY_CONTENT_DIR pointing at
// it (own output and cache folders), and reports seconds per chapter and whether the build time grows linearly.
//   node scripts/scale-test.mjs [--steps 0,50,100,150,200] [--rounds 1] [--keep]     prints a table (and JSON with --json)
// scripts/bench.mjs imports runScaleTest() and buildSite().
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import yaml from 'js-yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = (name) => path.join(ROOT, 'node_modules', '.bin', name);

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`))));
  });
}

/** Per-page render times from Astro's build log ("├─ /en/prelude/index.html (+47ms)"), as { path: ms }. */
export function parsePageTimings(output) {
  const timings = {};
  for (const match of stripVTControlCharacters(output).matchAll(/[├└]─ (\S+) \(\+(\d+(?:\.\d+)?m?s)\)/g)) {
    timings[match[1].replace(/index\.html$/, '')] = durationSeconds(match[2]) * 1000;
  }
  return timings;
}

/** Whether a page path (as parsePageTimings gives it) is a chapter: /zh/<slug>/ or /en/<slug>/, not book or bibliography. */
function isChapterPage(page) {
  return /^\/(zh|en)\/[a-z0-9-]+\/$/.test(page) && !/\/(book|bibliography)\/$/.test(page);
}

/** A duration as Astro and Vite print it ("519ms", "5.81s", "1m 2s"), in seconds. */
function durationSeconds(text) {
  const minutes = /^(\d+)m(?: (\d+)s)?$/.exec(text);
  if (minutes) return Number(minutes[1]) * 60 + Number(minutes[2] ?? 0);
  const plain = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(text);
  if (!plain) throw new Error(`not a build duration: "${text}"`);
  return Number(plain[1]) / (plain[2] === 'ms' ? 1000 : 1);
}

/**
 * The phases of an Astro build, in seconds, from its log: collecting build info, Vite's server build (the pages and
 * every chapter's MDX module), Vite's client build (the scripts), generating the pages and other routes (of which
 * chapter pages and preview images, summed from the per-page times), and the rest of the total (content sync before,
 * integration hooks after: sitemap, KaTeX subset, CSP). A phase missing from the log is 0. `pages` is the log's
 * parsePageTimings(), when the caller has it already.
 */
export function parseBuildPhases(output, pages = parsePageTimings(output)) {
  const clean = stripVTControlCharacters(output);
  const D = '(\\d+(?:\\.\\d+)?m?s|\\d+m(?: \\d+s)?)';
  const find = (pattern) => {
    const match = new RegExp(pattern.replace('D', D)).exec(clean);
    return match ? durationSeconds(match[1]) : 0;
  };
  const total = find('page\\(s\\) built in D');
  const phases = {
    collect: find('Collecting build info\\.\\.\\.[\\s\\S]*?Completed in D'),
    server: find('Building static entrypoints\\.\\.\\.[\\s\\S]*?\\[vite\\] ✓ built in D'),
    client: find('building client \\(vite\\)[\\s\\S]*?\\[vite\\] ✓ built in D'),
    generate: find('generating static routes[\\s\\S]*?✓ Completed in D'),
  };
  const sum = (test) => Object.entries(pages).filter(([page]) => test(page)).reduce((s, [, ms]) => s + ms, 0) / 1000;
  const rest = total - phases.collect - phases.server - phases.client - phases.generate;
  return {
    ...phases,
    chapterPages: sum(isChapterPage),
    previewImages: sum((page) => page.startsWith('/og/')),
    rest: Math.max(0, rest),
    total,
  };
}

/** Runs a command through sh and returns its output and the CPU seconds (user + system) it and its children used. */
async function runWithCpuTime(command, args, env) {
  // The shell's `times` prints its own times, then its children's ("0m3.47s 0m0.03s") after the command ends.
  const script = '"$@"; status=$?; echo "--- cpu ---"; times; exit $status';
  const output = await run('sh', ['-c', script, 'sh', command, ...args], env);
  const [log, times = ''] = output.split('--- cpu ---\n');
  const values = [...times.matchAll(/(\d+)m(\d+(?:\.\d+)?)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (values.length < 4) throw new Error(`no CPU times after ${path.basename(command)}: "${times.trim()}"`);
  return { output: log, cpuSeconds: values[2] + values[3] };
}

/**
 * Builds the site like `npm run build` (astro build, then Pagefind) into `outDir` with its own cache (emptied first,
 * so every build is a cold one); `contentDir` overrides content/. Returns seconds of wall time (astro, pagefind,
 * total) and of CPU time (cpuSeconds: both commands, user + system), astro's peak resident memory (peakMemoryMB), the
 * build's phases (parseBuildPhases), the per-page timings and the build log.
 */
export async function buildSite({ outDir, cacheDir, contentDir, clean = true }) {
  if (clean) {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const env = { ASTRO_OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir, ...(contentDir ? { ESSAY_CONTENT_DIR: contentDir } : {}) };
  const started = performance.now();
  // Astro runs in one Node process; preloading peak-memory.mjs makes it print its peak resident memory at the end.
  const astroCli = path.join(ROOT, 'node_modules', 'astro', 'astro.js');
  const astro = await runWithCpuTime(process.execPath, ['--import', pathToFileURL(path.join(ROOT, 'scripts/peak-memory.mjs')).href, astroCli, 'build'], env);
  const peak = /peak memory: (\d+) KB/.exec(astro.output);
  if (!peak) throw new Error('astro build printed no peak memory (scripts/peak-memory.mjs was not preloaded)');
  const astroSeconds = (performance.now() - started) / 1000;
  const pagefindStarted = performance.now();
  const pagefind = await runWithCpuTime(BIN('pagefind'), ['--site', outDir, '--quiet'], {});
  const pagefindSeconds = (performance.now() - pagefindStarted) / 1000;
  const pages = parsePageTimings(astro.output);
  return {
    astroSeconds,
    pagefindSeconds,
    seconds: astroSeconds + pagefindSeconds,
    cpuSeconds: astro.cpuSeconds + pagefind.cpuSeconds,
    peakMemoryMB: Number(peak[1]) / 1024,
    phases: parseBuildPhases(astro.output, pages),
    pages,
    output: astro.output,
  };
}

/** Copies `from` (a content folder) to `to` and adds `extra` chapters per language; returns the chapter count. */
export function syntheticContent(from, to, extra) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  const split = (source) => {
    const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
    if (!match) throw new Error('chapter without front-matter');
    return { front: match[1], body: source.slice(match[0].length) };
  };
  const chapters = {};
  for (const lang of ['zh', 'en']) {
    chapters[lang] = readdirSync(path.join(from, lang))
      .filter((name) => name.endsWith('.mdx'))
      .sort()
      .map((name) => ({ name, ...split(readFileSync(path.join(from, lang, name), 'utf8')) }))
      .filter(({ front }) => yaml.load(front).draft !== true);
  }
  const maxOrder = Math.max(...chapters.zh.map(({ front }) => Number(yaml.load(front).order)));
  for (let k = 1; k <= extra; k += 1) {
    for (const lang of ['zh', 'en']) {
      const source = chapters[lang][(k - 1) % chapters[lang].length];
      const data = yaml.load(source.front);
      const slug = `${data.slug}-copy-${k}`;
      const front = source.front
        .replace(/^slug: .*$/m, `slug: ${slug}`)
        .replace(/^order: .*$/m, `order: ${maxOrder + k}`)
        .replace(/^title: .*$/m, `title: ${JSON.stringify(`${data.title} (${lang === 'zh' ? '副本' : 'copy'} ${k})`)}`);
      writeFileSync(path.join(to, lang, `${slug}.mdx`), `---\n${front}\n---\n${source.body}`);
    }
  }
  return chapters.zh.length + extra;
}

/**
 * The steps in an order that keeps a slow spell of the machine from reading as growth: from the outside in
 * (smallest, largest, second smallest, second largest, …), so that neither end of the range is built last.
 */
export function outsideIn(steps) {
  const sorted = [...steps].sort((a, b) => a - b);
  const order = [];
  while (sorted.length) order.push(order.length % 2 === 0 ? sorted.shift() : sorted.pop());
  return order;
}

/**
 * Builds the essay with 0, 50, 100, 150 and 200 (or `steps`) extra chapters and measures each build, `rounds` times
 * per step (each round outside in: outsideIn), keeping a step's fastest build. Growth is judged by halves: the cost
 * per added chapter from the first step to the middle one, against that from the middle one to the last. With the
 * default steps each half spans 100 chapters, so a build slowed by a busy machine moves a half's cost half as much
 * as it would move one 50-chapter difference; the differences between neighbouring steps are returned too, to show
 * whether one build stands out. Returns { rounds, steps: [{ extra, chapters, seconds, astroSeconds,
 * pagefindSeconds, secondsPerChapter, cpuSeconds, phases, medianChapterPageMs, bookPageMs, builds }], marginal,
 * halves, linearity, verdict } (growth() of the wall time) with cpu (growth() of the CPU time: this build's own
 * work, though a busy machine still slows it), memory (growth() of astro's peak memory in MB) and phaseGrowth
 * ({ phase: growth() of that phase's seconds }, to show which part of the build grows if one does).
 */
export async function runScaleTest({ steps = [0, 50, 100, 150, 200], rounds = 1, workDir = '.tmp/scale-test', content = 'content', keep = false, log = () => {} } = {}) {
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`runScaleTest: rounds must be an integer >= 1, got ${rounds}`);
  const work = path.resolve(ROOT, workDir);
  mkdirSync(work, { recursive: true });
  const dirs = new Map(steps.map((extra) => [extra, path.join(work, `n${extra}`)]));
  const chapterCounts = new Map(steps.map((extra) => [extra, syntheticContent(path.resolve(ROOT, content), path.join(dirs.get(extra), 'content'), extra)]));
  const measured = new Map(steps.map((extra) => [extra, []]));
  const order = Array.from({ length: rounds }, () => outsideIn(steps)).flat();
  for (const extra of order) {
    const dir = dirs.get(extra);
    const chapters = chapterCounts.get(extra);
    log(`scale test: building ${chapters} chapters × 2 languages (${extra} synthetic)…`);
    const build = await buildSite({ outDir: path.join(dir, 'dist'), cacheDir: path.join(dir, 'cache'), contentDir: path.join(dir, 'content') });
    const chapterMs = Object.entries(build.pages)
      .filter(([page]) => isChapterPage(page))
      .map(([, ms]) => ms)
      .sort((a, b) => a - b);
    const bookMs = ['/zh/book/', '/en/book/'].map((p) => build.pages[p] ?? 0);
    log(`scale test: ${chapters} chapters built in ${build.seconds.toFixed(1)} s`);
    measured.get(extra).push({
      extra,
      chapters,
      chapterPages: chapterMs.length,
      seconds: build.seconds,
      astroSeconds: build.astroSeconds,
      pagefindSeconds: build.pagefindSeconds,
      secondsPerChapter: build.seconds / chapters,
      cpuSeconds: build.cpuSeconds,
      peakMemoryMB: build.peakMemoryMB,
      phases: build.phases,
      medianChapterPageMs: chapterMs[chapterMs.length >> 1] ?? 0,
      bookPageMs: Math.max(...bookMs),
    });
  }
  if (!keep) for (const dir of dirs.values()) rmSync(dir, { recursive: true, force: true });
  const results = [...steps].sort((a, b) => a - b).map((extra) => {
    const builds = measured.get(extra);
    const fastest = builds.reduce((best, build) => (build.seconds < best.seconds ? build : best));
    return { ...fastest, builds: builds.map((build) => Number(build.seconds.toFixed(2))) };
  });
  // growth() of any one measure of the builds.
  const growthOf = (measure) => growth(results.map((s) => ({ chapters: s.chapters, seconds: measure(s) })));
  const phaseGrowth = Object.fromEntries(Object.keys(results[0]?.phases ?? {}).map((phase) => [phase, growthOf((s) => s.phases[phase])]));
  return { rounds, steps: results, ...growth(results), cpu: growthOf((s) => s.cpuSeconds), memory: growthOf((s) => s.peakMemoryMB), phaseGrowth };
}

/**
 * How build time grows over steps of { chapters, seconds } in increasing size: the cost per added chapter between
 * neighbouring steps (marginal), over the first and the second half of the range (halves: first step to middle
 * step, middle to last), and linearity, the second half's cost over the first's (undefined when a half costs nothing
 * or less), with its verdict.
 */
export function growth(steps) {
  const costPerChapter = (a, b) => ({ from: a.chapters, to: b.chapters, secondsPerAddedChapter: (b.seconds - a.seconds) / (b.chapters - a.chapters) });
  const marginal = steps.slice(1).map((b, i) => costPerChapter(steps[i], b));
  const middle = steps[(steps.length - 1) >> 1];
  const halves = steps.length >= 3 ? [costPerChapter(steps[0], middle), costPerChapter(middle, steps.at(-1))] : [];
  const [first, second] = halves.map((half) => half.secondsPerAddedChapter);
  // A half that costs nothing or less means the builds' noise outweighs the chapters added: no verdict then.
  const linearity = halves.length && first > 0 && second > 0 ? second / first : undefined;
  const verdict = !halves.length
    ? 'n/a (needs three steps)'
    : linearity === undefined
      ? 'unclear (a half costs nothing: the steps are too small for the noise)'
      : linearity <= 1.3 ? 'linear' : linearity <= 2 ? 'mildly superlinear' : 'superlinear';
  return { marginal, halves, linearity, verdict };
}

/** The growth of a scale test as [label, text] rows: cost per added chapter per step and per half, the verdict for
 * wall time, CPU time and peak memory, and each build phase's cost per added chapter by halves with their ratio. */
export function growthRows(result) {
  const cost = (kind) => (c) => [`${kind} ${c.from} → ${c.to}`, `${c.secondsPerAddedChapter.toFixed(3)} s per added chapter (zh + en)`];
  const ratio = (g) => (g.linearity === undefined ? 'n/a' : g.linearity.toFixed(2));
  const verdict = (g) => `${g.verdict}${g.linearity === undefined ? '' : ` (second half / first half ${ratio(g)})`}`;
  const rows = [...result.marginal.map(cost('marginal')), ...result.halves.map(cost('half')), ['growth (wall time)', verdict(result)]];
  if (result.cpu) rows.push(['growth (CPU time)', verdict(result.cpu)]);
  // Peak memory: what the build holds at once. When it grows, so does the garbage collector's work per allocation,
  // which is how a build whose every step is linear can still slow down per chapter at a larger size.
  if (result.memory) rows.push(['growth (peak memory)', `${result.memory.halves.map((h) => `${h.secondsPerAddedChapter.toFixed(1)} MB`).join(' → ')} per added chapter: ${verdict(result.memory)}`]);
  const phases = Object.entries(result.phaseGrowth ?? {});
  // Per phase: its cost per added chapter in each half, then their ratio (n/a for a phase that does not grow).
  const halves = (g) => g.halves.map((h) => h.secondsPerAddedChapter.toFixed(3)).join(' → ');
  if (phases.length) rows.push(['growth by phase', phases.map(([phase, g]) => `${PHASE_NAMES[phase] ?? phase} ${halves(g)} s (${ratio(g)})`).join(', ')]);
  return rows;
}

/** Short names of the build phases (parseBuildPhases) for tables. */
const PHASE_NAMES = { collect: 'collect', server: 'server build', client: 'client build', generate: 'pages', chapterPages: 'chapter pages', previewImages: 'preview images', rest: 'rest', total: 'astro total' };

/** Text table of a scale test. */
export function scaleTable(result) {
  const lines = [
    `fastest of ${result.rounds} build(s) per step`,
    'chapters (per language)   build s    cpu s   astro s   pagefind s   s/chapter   peak MB   median chapter page ms   book page ms',
  ];
  for (const s of result.steps) {
    lines.push(
      `${String(s.chapters).padStart(8)} (+${String(s.extra).padEnd(4)})      ${s.seconds.toFixed(1).padStart(7)}  ${s.cpuSeconds.toFixed(1).padStart(7)}   ${s.astroSeconds.toFixed(1).padStart(7)}   ${s.pagefindSeconds.toFixed(1).padStart(10)}   ${s.secondsPerChapter.toFixed(2).padStart(9)}   ${s.peakMemoryMB.toFixed(0).padStart(7)}   ${String(s.medianChapterPageMs).padStart(22)}   ${String(s.bookPageMs).padStart(12)}`,
    );
  }
  const phases = Object.keys(result.steps[0]?.phases ?? {});
  lines.push(`seconds by phase: ${phases.map((phase) => PHASE_NAMES[phase] ?? phase).join(' | ')}`);
  for (const s of result.steps) lines.push(`${String(s.chapters).padStart(8)}: ${phases.map((phase) => s.phases[phase].toFixed(1)).join(' | ')}`);
  for (const [label, text] of growthRows(result)) lines.push(`${label}: ${text}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const stepsArg = args[args.indexOf('--steps') + 1];
  const steps = args.includes('--steps') && stepsArg ? stepsArg.split(',').map(Number) : undefined;
  const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : undefined;
  const result = await runScaleTest({ steps, rounds, keep: args.includes('--keep'), log: (m) => console.error(m) });
  if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else console.log(scaleTable(result));
}
