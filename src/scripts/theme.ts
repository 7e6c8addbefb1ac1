/** The theme in force: the stored choice, or the system's. */
export function currentTheme(): 'light' | 'dark' {
  const stored = document.documentElement.dataset.theme;
  if (stored === 'light' || stored === 'dark') return stored;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Wires the theme buttons: a click flips the theme, stores it and announces a "themechange" event. */
export function initThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    const sync = () => button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
    sync();
    button.addEventListener('click', () => {
      const next = currentTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      try {
        localStorage.setItem('theme', next);
      } catch {
        /* storage may be disabled; the theme still applies to this page */
      }
      sync();
      document.dispatchEvent(new CustomEvent('themechange', { detail: next }));
    });
  }
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    document.dispatchEvent(new CustomEvent('themechange', { detail: currentTheme() }));
  });
}
