/** Types for scripts/bench-args.mjs (the benchmark's command line). */
export interface BenchOptions {
  lighthousePages: number;
  lighthouse: boolean;
  lighthouseRuns: number;
  pdf: boolean;
  scale: number[];
  figures: boolean;
  build: boolean;
  https: boolean;
}
export const USAGE: string;
export function parseBenchArgs(argv: string[]): BenchOptions;
