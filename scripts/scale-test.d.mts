/** Types for the parts of scripts/scale-test.mjs (the synthetic scale test) that tests call. */
export interface CostPerChapter {
  from: number;
  to: number;
  secondsPerAddedChapter: number;
}
export interface Growth {
  marginal: CostPerChapter[];
  halves: CostPerChapter[];
  linearity: number | undefined;
  verdict: string;
}
export function outsideIn(steps: number[]): number[];
export function growth(steps: Array<{ chapters: number; seconds: number }>): Growth;
export interface BuildPhases {
  collect: number;
  server: number;
  client: number;
  generate: number;
  chapterPages: number;
  previewImages: number;
  rest: number;
  total: number;
}
export function parseBuildPhases(output: string, pages?: Record<string, number>): BuildPhases;
export function growthRows(result: Growth & { cpu?: Growth; memory?: Growth; phaseGrowth?: Record<string, Growth> }): Array<[string, string]>;
