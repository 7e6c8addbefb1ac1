/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { getViteConfig } from 'astro/config';

// Unit tests (tests/unit) and build tests (tests/build); browser tests under tests/e2e run with Playwright.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    testTimeout: 20_000,
    // Tests marked concurrent (the build tests, each a whole Astro build keeping one core busy) run one per core, at
    // most two at a time; a test's time limit starts when it starts, not while it waits.
    maxConcurrency: Math.max(1, Math.min(2, availableParallelism())),
  },
});
