import { loadPlace, savePlace } from './place';

/** On an edition's contents page: a link back to the chapter and section last read, and a button to forget it. */
export function initContinueReading(): void {
  const box = document.querySelector<HTMLElement>('[data-continue]');
  const link = box?.querySelector<HTMLAnchorElement>('a[data-continue-link]');
  const lang = box?.dataset.lang ?? '';
  const place = loadPlace(lang);
  if (!box || !link || !place) return;
  link.href = place.section ? `${place.path}#${encodeURIComponent(place.section)}` : place.path;
  const where = box.querySelector('[data-continue-title]');
  const text = place.sectionTitle ? `${place.title} · ${place.sectionTitle}` : place.title;
  if (where) where.textContent = text;
  link.title = text;
  box.hidden = false;
  box.querySelector('button[data-continue-dismiss]')?.addEventListener('click', () => {
    savePlace(lang, undefined);
    box.hidden = true;
    document.querySelector<HTMLElement>('main')?.focus();
  });
}
