/** Shows the copy buttons of "Cite this chapter" and copies the text of the element each one names. */
export function initCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.cite-this button[data-copy-target]')) {
    const box = button.closest<HTMLElement>('[data-copy-labels]');
    const labels = JSON.parse(box?.dataset.copyLabels ?? '{}') as Record<string, string>;
    const label = button.querySelector<HTMLElement>('[data-copy-label]');
    const status = box?.querySelector<HTMLElement>('[role="status"]');
    const source = document.getElementById(button.dataset.copyTarget ?? '');
    if (!source || !label) continue;
    button.hidden = false;
    let timer = 0;
    button.addEventListener('click', async () => {
      const text = source.textContent ?? '';
      let done = false;
      try {
        await navigator.clipboard.writeText(text);
        done = true;
      } catch {
        // No clipboard permission: select the text so the reader can copy it by hand.
        getSelection()?.selectAllChildren(source);
      }
      const message = (done ? labels.copied : labels.failed) ?? '';
      label.textContent = done ? message : (labels.copy ?? '');
      if (status) status.textContent = message;
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        label.textContent = labels.copy ?? '';
        if (status) status.textContent = '';
      }, 2500);
    });
  }
}
