/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { getViteConfig } from 'astro/config';

// Unit tests (tests/unit) and build tests (tests/build); browser tests under tests/e2e run with Playwright.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    testTimeout: 20_000,
    // At least two files at once (Vitest's default is one fewer than the cores, one on a two-core machine): the build
    // tests spend most of their minute waiting on the Astro builds they start, while the unit tests run beside them.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
