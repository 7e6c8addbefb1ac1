/*
 * Previews of what a link in the text points at: a citation's full reference, a footnote's text, an equation, a
 * figure's caption. One shared tooltip, shown on mouse hover, on keyboard focus and on a first tap (a second tap
 * follows the link); Escape, a tap elsewhere or moving away closes it. The link itself is unchanged, so without
 * JavaScript (and for a click) it still leads to the reference list, the note, the equation or the figure.
 */
import { headerFoot } from '../header-foot';

const TRIGGERS = 'a.cite-link[data-cite], sup a[data-footnote-ref], a.eq-ref, a.fig-ref';
const ID = 'reader-preview';

/** Wires previews for every citation, footnote marker, equation and figure reference of the chapter. */
export function initPreviews(): void {
  const main = document.querySelector('main');
  if (!main || !document.querySelector('.chapter')) return;
  const box = document.createElement('div');
  box.id = ID;
  box.className = 'preview';
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  main.append(box);

  let current: HTMLAnchorElement | null = null;
  let timer = 0;
  let pointerAt = 0;
  let pointerKind = '';
  let pressed: EventTarget | null = null;

  const triggerOf = (node: EventTarget | null) =>
    node instanceof Element && !box.contains(node) ? node.closest<HTMLAnchorElement>(TRIGGERS) : null;
  const within = (node: EventTarget | null) =>
    node instanceof Node && (box.contains(node) || (current?.contains(node) ?? false));
  const later = (action: () => void, ms: number) => {
    clearTimeout(timer);
    timer = window.setTimeout(action, ms);
  };

  function open(trigger: HTMLAnchorElement): void {
    clearTimeout(timer);
    if (trigger === current || trigger.dataset.preview === 'off') return;
    const content = contentFor(trigger);
    if (!content) return;
    close();
    box.replaceChildren(content);
    box.dataset.kind = trigger.matches('.eq-ref') ? 'equation' : 'text';
    box.hidden = false;
    current = trigger;
    const described = trigger.getAttribute('aria-describedby');
    if (described) trigger.dataset.describedby = described;
    trigger.setAttribute('aria-describedby', described ? `${ID} ${described}` : ID);
    trigger.setAttribute('aria-expanded', 'true');
    // An equation wider than the preview is set smaller rather than left to scroll out of reach.
    const display = box.querySelector<HTMLElement>('.katex-display');
    const math = display?.querySelector<HTMLElement>('.katex');
    if (display && math && display.scrollWidth > display.clientWidth) {
      math.style.fontSize = `${Math.max(0.55, display.clientWidth / display.scrollWidth).toFixed(3)}em`;
    }
    place(trigger);
  }

  function close(): void {
    clearTimeout(timer);
    if (!current) return;
    const described = current.dataset.describedby;
    if (described) current.setAttribute('aria-describedby', described);
    else current.removeAttribute('aria-describedby');
    delete current.dataset.describedby;
    current.removeAttribute('aria-expanded');
    current = null;
    box.hidden = true;
    box.replaceChildren();
  }

  function place(trigger: HTMLElement): void {
    const rect = trigger.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const header = headerFoot();
    const { offsetWidth: w, offsetHeight: h } = box;
    const left = Math.max(8, Math.min(rect.left + rect.width / 2 - w / 2, width - w - 8));
    const fitsBelow = rect.bottom + 8 + h <= innerHeight - 8;
    const top = !fitsBelow && rect.top - 8 - h >= header + 4 ? rect.top - 8 - h : rect.bottom + 8;
    box.style.left = `${left + scrollX}px`;
    box.style.top = `${top + scrollY}px`;
  }

  document.addEventListener('pointerover', (event) => {
    if (event.pointerType !== 'mouse') return;
    const trigger = triggerOf(event.target);
    if (trigger && trigger !== current) later(() => open(trigger), 180);
    else if (within(event.target)) clearTimeout(timer);
  });
  document.addEventListener('pointerout', (event) => {
    if (event.pointerType !== 'mouse') return;
    if ((triggerOf(event.target) || box.contains(event.target as Node)) && !within(event.relatedTarget)) later(close, 250);
  });
  document.addEventListener(
    'pointerdown',
    (event) => {
      pointerAt = Date.now();
      pointerKind = event.pointerType;
      pressed = event.target;
      if (current && !within(event.target) && triggerOf(event.target) !== current) close();
    },
    true,
  );
  document.addEventListener('click', (event) => {
    const trigger = triggerOf(event.target);
    if (!trigger) return;
    const kind = (event as PointerEvent).pointerType || (Date.now() - pointerAt < 1000 ? pointerKind : '');
    if ((kind === 'touch' || kind === 'pen') && trigger !== current && trigger.dataset.preview !== 'off') {
      event.preventDefault();
      open(trigger);
    } else close();
  });
  document.addEventListener('focusin', (event) => {
    const trigger = triggerOf(event.target);
    // A focus that comes from pressing the link itself is not a keyboard focus: the pointer handlers decide.
    const byPointer = trigger && pressed instanceof Node && trigger.contains(pressed) && Date.now() - pointerAt < 600;
    if (trigger && !byPointer) open(trigger);
    else if (current && !within(event.target)) close();
  });
  document.addEventListener('focusout', (event) => {
    if (current && event.target === current && !within(event.relatedTarget) && !current.matches(':hover') && !box.matches(':hover')) {
      close();
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !current) return;
    const trigger = current;
    const focusInside = box.contains(document.activeElement);
    close();
    if (focusInside) trigger.focus();
  });
  addEventListener('resize', close);
}

/** A copy of what the link points at, without ids or back-links, ready to show in the tooltip. */
function contentFor(trigger: HTMLAnchorElement): HTMLElement | null {
  const target = document.getElementById(decodeURIComponent(trigger.hash.slice(1)));
  const source = trigger.matches('.fig-ref') ? target?.querySelector('figcaption') : target;
  if (!source) return null;
  const clone = source.cloneNode(true) as HTMLElement;
  clone.removeAttribute('id');
  for (const node of clone.querySelectorAll('[id]')) node.removeAttribute('id');
  for (const node of clone.querySelectorAll('[data-footnote-backref], button, input, canvas')) node.remove();
  const body = document.createElement('div');
  body.className = 'preview-body';
  const lang = source.closest('[lang]')?.getAttribute('lang');
  if (lang) body.lang = lang;
  // A reference, a note or a caption gives its contents; an equation is shown whole, with its number.
  if (/^(LI|FIGCAPTION)$/.test(source.tagName)) body.append(...clone.childNodes);
  else body.append(clone);
  return body;
}
