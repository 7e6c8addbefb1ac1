import { savePlace } from './place';
import { pageLang } from '../page-lang';
import { headerFoot } from '../header-foot';

/**
 * A chapter's reading aids: the table of contents marks the section being read (aria-current), a thin bar under
 * the header shows how far through the text the reader is, and the section is remembered for the contents page.
 */
export function initReading(): void {
  const chapter = document.querySelector<HTMLElement>('.chapter[data-chapter]');
  const prose = chapter?.querySelector<HTMLElement>('.prose');
  if (!chapter || !prose) return;
  const lang = pageLang();
  const title = chapter.querySelector('h1')?.textContent?.trim() ?? document.title;
  const toc = document.querySelector<HTMLElement>('.toc');
  const links = new Map<string, HTMLAnchorElement>();
  for (const link of toc?.querySelectorAll<HTMLAnchorElement>('a[href^="#"]') ?? []) {
    links.set(decodeURIComponent(link.hash.slice(1)), link);
  }
  const headings = [...prose.querySelectorAll<HTMLElement>('h2[id], h3[id]')].filter((h) => links.has(h.id));
  const above = new Set<Element>();
  let current: HTMLElement | undefined;

  function mark(heading: HTMLElement | undefined): void {
    if (heading === current) return;
    if (current) links.get(current.id)?.removeAttribute('aria-current');
    current = heading;
    if (!heading) return;
    const link = links.get(heading.id);
    link?.setAttribute('aria-current', 'true');
    // Keep the marked entry visible when the margin TOC scrolls on its own.
    if (link && toc && toc.scrollHeight > toc.clientHeight) {
      const box = toc.getBoundingClientRect();
      const rect = link.getBoundingClientRect();
      if (rect.top < box.top || rect.bottom > box.bottom) toc.scrollTop += rect.top - box.top - box.height / 3;
    }
    savePlace(lang, {
      path: location.pathname,
      title,
      section: heading.id,
      sectionTitle: heading.textContent?.trim() ?? '',
      time: Date.now(),
    });
  }

  // A heading counts as passed once its top is above the upper third of the window: the observed band reaches
  // from far above the page down to that line, so each crossing (in either direction) is reported.
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) above.add(entry.target);
        else above.delete(entry.target);
      }
      mark(headings.filter((h) => above.has(h)).at(-1));
    },
    { rootMargin: '100000px 0px -67% 0px' },
  );
  for (const heading of headings) observer.observe(heading);

  const bar = document.querySelector<HTMLElement>('[data-reading-progress] > span');
  if (!bar) return;
  let frame = 0;
  const update = () => {
    frame = 0;
    // 0 while the text's top is below the header, 1 once its end is in view.
    const rect = prose.getBoundingClientRect();
    const header = headerFoot();
    const travel = rect.height - innerHeight + header;
    const done = travel > 0 ? Math.min(1, Math.max(0, (header - rect.top) / travel)) : 1;
    bar.style.transform = `scaleX(${done.toFixed(4)})`;
  };
  const schedule = () => {
    frame ||= requestAnimationFrame(update);
  };
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('resize', schedule);
  // The first reading waits for the next frame, whose layout it then reads: measured now, before the browser has laid
  // the page out, it would force that layout inside this start-up step.
  schedule();
}
