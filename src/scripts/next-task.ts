// Long tasks block input (Lighthouse counts every task over 50 ms on a 4× slower phone as blocking time), so start-up
// work is cut into steps that each run in a task of their own.

/** Resolves in a new task: scheduler.yield() where the browser has it, else a zero-delay timeout. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
