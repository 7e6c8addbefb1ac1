/** Types for scripts/lighthouse-tasks.mjs (main-thread tasks in a Lighthouse report). */
export function longestTaskMs(report: unknown): number;
export function tbtAgainstTasks(pages: { page: string; tbtMs: number; longestTaskMs: number }[], targetMs: number): string;
export function medianTbtMs(reports: unknown[]): number;
