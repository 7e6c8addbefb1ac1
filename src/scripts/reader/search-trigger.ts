import { pageLang } from '../page-lang';

/**
 * Opens the search dialog from the header button, "/" or Ctrl/Cmd+K. The search code and Pagefind's index are
 * fetched only when the dialog first opens.
 */
export function initSearch(): void {
  const dialog = document.querySelector<HTMLDialogElement>('dialog[data-search]');
  const buttons = document.querySelectorAll<HTMLButtonElement>('[data-search-open]');
  if (!dialog || typeof dialog.showModal !== 'function') {
    for (const button of buttons) button.hidden = true;
    return;
  }
  let started: Promise<void> | undefined;
  const open = () => {
    if (dialog.open) return;
    dialog.showModal();
    dialog.querySelector('input')?.focus();
    started ??= import('./search')
      .then((module) => module.startSearch(dialog, pageLang()))
      .catch(() => {
        // The search code or Pagefind could not be fetched (offline, or a newer version of the site has replaced
        // it): the dialog says so, and the next opening tries again.
        started = undefined;
        showError(dialog);
      });
  };
  for (const button of buttons) button.addEventListener('click', open);
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || dialog.open || event.altKey) return;
    const target = event.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey;
    const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
    if (slash || commandK) {
      event.preventDefault();
      open();
    }
  });
  // A click on the backdrop (the dialog element itself, outside its panel) closes it, as does the close button.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog || (event.target as Element).closest('[data-search-close]')) dialog.close();
  });
}

/** Puts the dialog's "search could not be loaded" line (SearchButton.astro's strings) in its status line. */
function showError(dialog: HTMLDialogElement): void {
  const status = dialog.querySelector('[role="status"]');
  const { error } = JSON.parse(dialog.dataset.strings ?? '{}') as { error?: string };
  if (status && error) status.textContent = error;
}
