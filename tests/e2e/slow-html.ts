// A page that arrives in two parts, as on a slow connection: a local proxy in front of the built site sends one
// page's HTML up to a chosen byte, holds the rest until the browser has painted what it has (or until a time limit,
// when it paints nothing), then sends the rest. Every other request is passed through unchanged.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The path a page asks for once it has painted (see PAINT_SIGNAL_SCRIPT); the proxy answers it itself. */
const PAINTED = '/__painted';
/** How long the rest is held after the paint is reported (ms): six frames at 60 Hz. */
const AFTER_PAINT_MS = 100;

/** One held load: the page's path, the byte the first part ends at, how long to wait for a paint (ms), and an
 * optional change to the page's HTML made before it is cut. */
export interface Hold {
  path: string;
  at: number;
  maxMs: number;
  transform?: (html: string) => string;
}

/** What the proxy saw of the last held load: whether the browser painted before the rest was sent. */
export interface HoldResult {
  paintedBeforeRest: boolean;
}

export interface SlowHtmlProxy {
  /** The proxy's origin, e.g. "http://127.0.0.1:41234". */
  origin: string;
  /** Holds the next request for hold.path as described; resolves, once the rest is sent, with what happened. */
  hold(hold: Hold): Promise<HoldResult>;
  close(): Promise<void>;
}

/**
 * An init script (for context.addInitScript) that tells the proxy when the page's first paint is reported. The
 * paint entry comes once the frame is on screen, so the rest of the page arrives after the reader has seen the part.
 * It names its load (the proxy's Server-Timing entry), so that a report that comes late is not taken for the next.
 */
export const PAINT_SIGNAL_SCRIPT = `new PerformanceObserver((list, observer) => {
  if (!list.getEntriesByName('first-paint').length) return;
  observer.disconnect();
  const navigation = performance.getEntriesByType('navigation')[0];
  const load = navigation && navigation.serverTiming.find((entry) => entry.name === 'held-load');
  if (load) fetch('${PAINTED}?' + load.description, { method: 'POST' }).catch(() => {});
}).observe({ type: 'paint', buffered: true });`;

/** Starts the proxy in front of target (the site's origin, e.g. the tests' baseURL). */
export async function startSlowHtmlProxy(target: string): Promise<SlowHtmlProxy> {
  // The load waiting for its request, and the one whose rest is being held.
  let pending: { hold: Hold; id?: number; painted?: () => void; done: (result: HoldResult) => void } | undefined;
  let current: typeof pending;
  let loads = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.url?.startsWith(`${PAINTED}?`)) {
        if (current && req.url === `${PAINTED}?${current.id}`) current.painted?.();
        res.writeHead(204).end();
        return;
      }
      const upstream = await fetch(new URL(req.url ?? '/', target), { headers: { 'accept-encoding': 'identity' } });
      let body = Buffer.from(await upstream.arrayBuffer());
      const headers = Object.fromEntries(
        [...upstream.headers].filter(([name]) => !/^(content-length|content-encoding|transfer-encoding|connection|keep-alive)$/.test(name)),
      );
      const held = pending;
      if (!held || req.url !== held.hold.path) {
        res.writeHead(upstream.status, headers).end(body);
        return;
      }
      pending = undefined;
      current = held;
      held.id = ++loads;
      if (held.hold.transform) body = Buffer.from(held.hold.transform(body.toString()));
      // Never from the cache: every load of the page must come through here to be held.
      res.writeHead(upstream.status, { ...headers, 'cache-control': 'no-store', 'server-timing': `held-load;desc="${held.id}"` });
      let paintedBeforeRest = false;
      const painted = new Promise<void>((resolve) => {
        held.painted = () => {
          paintedBeforeRest = true;
          resolve();
        };
      });
      res.write(body.subarray(0, held.hold.at));
      await Promise.race([painted, new Promise((resolve) => setTimeout(resolve, held.hold.maxMs))]);
      // A few frames more after the paint, as the next piece of a slow page comes that much later: what the page
      // does once it has painted (a script's frame callbacks) runs before the rest is there.
      if (paintedBeforeRest) await new Promise((resolve) => setTimeout(resolve, AFTER_PAINT_MS));
      current = undefined;
      res.end(body.subarray(held.hold.at));
      held.done({ paintedBeforeRest });
    })().catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hold: (hold) => new Promise((done) => (pending = { hold, done })),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The last character of text before byte i, passing over tags ("" if there is none). */
function textBefore(text: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && text[j] === '>') j = text.lastIndexOf('<', j) - 1;
  return j >= 0 ? text[j] : '';
}

/**
 * The bytes of a page's HTML at which to pause it: after every tag, and in the middle of every run of text longer
 * than 24 bytes, from `from` (a string in the page) to the end of the `blocks`-th block of the chapter's text. The
 * hidden parts are skipped (the search dialog, the list inside the closed table of contents), and so are the insides of
 * icons, which are drawn whole or not at all. A cut is made only
 * next to white space (or at a block's start): a word or a formula cut in two may rightly move to the next line when
 * its end arrives and no longer fits, in any browser, as may a word whose full stop arrives after it. With
 * `inFirstFormula`, the page is also stopped after every tag of the chapter's first formula: a chapter that holds its
 * text back from the first formula on until the math fonts are in must not show a formula half-built either.
 */
export function cutPoints(html: Buffer, from: string, blocks: number, inFirstFormula = false): number[] {
  const text = html.toString('latin1'); // one character per byte, so indices are byte offsets
  const start = text.indexOf(from);
  let end = text.indexOf('<div class="prose">');
  if (start < 0 || end < 0) throw new Error(`cutPoints: the page has no "${from}" or no chapter text`);
  for (let i = 0; i < blocks; i++) end = text.indexOf('\n', end + 1);
  const skipped = [
    [text.indexOf('<dialog'), text.indexOf('</dialog>')],
    [text.indexOf('<ol>', text.indexOf('data-toc-details')), text.indexOf('</details>')],
  ];
  for (let svg = text.indexOf('<svg', start); svg >= 0 && svg < end; svg = text.indexOf('<svg', svg + 1)) {
    skipped.push([svg, text.indexOf('</svg>', svg)]);
  }
  const formula = text.indexOf('<span class="katex-html"', text.indexOf('<div class="prose">'));
  const formulaEnd = Math.min(...['</p>', '<span class="katex">'].map((tag) => text.indexOf(tag, formula)).filter((i) => i > 0));
  if (inFirstFormula && formula < 0) throw new Error('cutPoints: the chapter has no formula');
  const inFormula = (at: number) => inFirstFormula && at > formula && at < formulaEnd;
  const clean = (at: number) => inFormula(at) || /\s/.test(text[at]) || /^\s?$/.test(textBefore(text, at));
  const points: number[] = [];
  for (let i = start; i < end; i++) {
    if (text[i] !== '>' || skipped.some(([a, b]) => i > a && i < b)) continue;
    if (clean(i + 1)) points.push(i + 1);
    const next = text.indexOf('<', i);
    let middle = Math.floor((i + next) / 2);
    while (middle > i + 1 && text[middle] !== ' ') middle--;
    if (next - i > 24 && middle > i + 1) points.push(middle);
  }
  return points;
}
