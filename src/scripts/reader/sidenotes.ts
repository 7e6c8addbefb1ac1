/*
 * Footnotes as sidenotes: on wide screens each note is repeated in the right margin beside its marker (pushed down
 * when it would overlap the note above or something wide in the text column, such as a figure). The margin copy is
 * for the eye only (aria-hidden, its links out of the tab order): the notes section at the chapter's end stays the
 * notes for screen readers, keyboards, links to a note, narrow screens, print and readers without JavaScript.
 */
import { WIDE_MARGIN } from '../wide-margin';

const GAP = 12;

interface Sidenote {
  item: HTMLElement;
  marker: HTMLAnchorElement;
  note: HTMLElement;
  describedby: string | null;
}

/** Builds a sidenote for every footnote marker of the chapter and keeps them in place as the page changes. */
export function initSidenotes(): void {
  const chapter = document.querySelector<HTMLElement>('.chapter');
  const prose = chapter?.querySelector<HTMLElement>('.prose');
  if (!chapter || !prose) return;
  const markers = prose.querySelectorAll<HTMLAnchorElement>('sup a[data-footnote-ref]');
  if (![...markers].some((marker) => !marker.closest('.footnotes'))) return;
  const notes: Sidenote[] = [];
  const repeats: Sidenote[] = [];
  let built = false;

  // The margin copies are made the first time the screen is wide enough to show them. Inserting them among the
  // text's blocks restyles the whole text, a cost a phone, which never shows them, should not pay at load.
  function build(): void {
    built = true;
    // Asking for fonts.ready lays the page out at once; only a screen that shows the notes needs to know.
    void document.fonts?.ready.then(schedule);
    let lastBlock: Element | null = null;
    let lastNote: Element | null = null;
    for (const marker of markers) {
      const item = document.getElementById(decodeURIComponent(marker.hash.slice(1)));
      if (!item || marker.closest('.footnotes')) continue;
      // A note cited twice sits beside its first marker; the later markers point at the same sidenote.
      const seen = notes.find((entry) => entry.item === item);
      if (seen) {
        repeats.push({ ...seen, marker, describedby: marker.getAttribute('aria-describedby') });
        continue;
      }
      const note = document.createElement('div');
      note.className = 'sidenote';
      note.id = `sidenote-${item.id.replace(/^user-content-fn-/, '')}`;
      note.setAttribute('aria-hidden', 'true');
      const clone = item.cloneNode(true) as HTMLElement;
      for (const node of clone.querySelectorAll('[id]')) node.removeAttribute('id');
      for (const node of clone.querySelectorAll('[data-footnote-backref], button')) node.remove();
      const number = document.createElement('span');
      number.className = 'sidenote-number';
      number.textContent = marker.textContent;
      note.append(...clone.childNodes);
      for (const link of note.querySelectorAll('a')) link.tabIndex = -1;
      (note.querySelector('p') ?? note).prepend(number);
      // In the DOM the note follows the block that holds its marker.
      let block: Element = marker;
      while (block.parentElement && block.parentElement !== prose) block = block.parentElement;
      (block === lastBlock && lastNote ? lastNote : block).after(note);
      lastBlock = block;
      lastNote = note;
      notes.push({ item, marker, note, describedby: marker.getAttribute('aria-describedby') });
    }
  }

  const wide = matchMedia(WIDE_MARGIN);
  let frame = 0;

  function layout(): void {
    frame = 0;
    if (!wide.matches || !chapter || !prose) return;
    const origin = chapter.getBoundingClientRect().top;
    const edge = prose.getBoundingClientRect().right + 1;
    const obstacles: Array<[number, number]> = [];
    for (const block of prose.children) {
      if (block.classList.contains('sidenote')) continue;
      const rect = block.getBoundingClientRect();
      if (rect.right > edge && rect.height > 0) obstacles.push([rect.top - origin, rect.bottom - origin]);
    }
    let floor = 0;
    for (const { marker, note } of notes) {
      const line = marker.closest('sup') ?? marker;
      let top = Math.max(line.getBoundingClientRect().top - origin - 2, floor);
      const height = note.offsetHeight;
      for (const [start, end] of obstacles) if (top < end + GAP && top + height > start - GAP) top = end + GAP;
      note.style.top = `${Math.round(top)}px`;
      floor = top + height + GAP;
    }
  }
  const schedule = () => {
    frame ||= requestAnimationFrame(layout);
  };

  function apply(): void {
    const on = wide.matches;
    if (on && !built) build();
    chapter?.classList.toggle('has-sidenotes', on);
    for (const { marker, note, describedby } of [...notes, ...repeats]) {
      if (on) {
        marker.dataset.preview = 'off';
        marker.setAttribute('aria-describedby', note.id);
      } else {
        delete marker.dataset.preview;
        if (describedby) marker.setAttribute('aria-describedby', describedby);
        else marker.removeAttribute('aria-describedby');
      }
    }
    if (on) layout();
  }

  apply();
  wide.addEventListener('change', apply);
  new ResizeObserver(schedule).observe(prose);
  addEventListener('load', schedule);

  // Pointing at a marker (or focusing it) lights its note; clicking it flashes the note instead of jumping to the
  // end (a click from the keyboard, detail 0, still goes to the notes section).
  const noteOf = (target: EventTarget | null) => {
    const marker = target instanceof Element ? target.closest('sup a[data-footnote-ref]') : null;
    return [...notes, ...repeats].find((entry) => entry.marker === marker)?.note;
  };
  const light = (event: Event, on: boolean) => noteOf(event.target)?.classList.toggle('is-active', on && wide.matches);
  for (const [type, on] of [['pointerover', true], ['pointerout', false], ['focusin', true], ['focusout', false]] as const) {
    prose.addEventListener(type, (event) => light(event, on));
  }
  prose.addEventListener('click', (event) => {
    const note = noteOf(event.target);
    if (!note || !wide.matches || (event as MouseEvent).detail === 0) return;
    const rect = note.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > innerHeight) return;
    event.preventDefault();
    note.classList.remove('is-flash');
    void note.offsetWidth;
    note.classList.add('is-flash');
  });
}
