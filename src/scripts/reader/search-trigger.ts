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
    started ??= import('./search').then((module) => module.startSearch(dialog, pageLang()));
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
