import { expect, type Page } from '@playwright/test';

/** Resolves once the page script's start-up has run: its last step shows the "cite this" copy buttons. */
export async function startedUp(page: Page): Promise<void> {
  await expect(page.locator('.cite-this button[data-copy-target]').first()).not.toHaveAttribute('hidden');
}
