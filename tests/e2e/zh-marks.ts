import type { Page } from '@playwright/test';

/**
 * Loads the Chinese contents page in `page` so that its browser context has the Chinese marks' face in its cache.
 * The face is font-display: optional (global.css): a load that gets it after the first layout keeps the system's
 * narrow marks, and its lines wrap otherwise. Tests that measure Chinese text fetch it first, so that the font's race
 * is not what they measure.
 */
export async function fetchZhMarks(page: Page): Promise<void> {
  await page.goto('/zh/');
  await page.evaluate(() => document.fonts.ready);
}
