// Preloaded into a build by the scale test (node --import ./scripts/peak-memory.mjs …): prints the process's peak
// resident memory when it exits, as "peak memory: <KB> KB" on stderr (Node's resourceUsage().maxRSS, in kilobytes).
process.on('exit', () => process.stderr.write(`\npeak memory: ${process.resourceUsage().maxRSS} KB\n`));
