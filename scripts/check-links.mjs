// Checks every link of a built site without a network: each internal URL (relative, absolute path, or an absolute URL
// on the site's own public origin, such as canonical and hreflang links) must name a file of the build, and each
// #fragment an id in the target page; external http(s) URLs must be well-formed. Links inside [hidden] elements are
// skipped (the contents page's PDF link is shown only once `npm run pdf` has written the PDF).
//   node scripts/check-links.mjs [dist]     prints every broken link; exit status 1 if there is one
// Used by tests/e2e/quality-static.spec.ts.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { htmlFiles, pagePath } from './page-bytes.mjs';

/** Attributes that hold one URL, by element. */
const URL_ATTRIBUTES = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href', 'xLinkHref'],
  image: ['href', 'xLinkHref'],
  blockquote: ['cite'],
  q: ['cite'],
};
/** <meta> whose content is a URL. */
const URL_META = new Set(['og:url', 'og:image', 'twitter:image', 'og:image:url', 'og:image:secure_url']);

const parser = unified().use(rehypeParse);

/** A parsed page: its ids and its links (with the element they sit on). */
function readPage(file) {
  const tree = parser.parse(readFileSync(file, 'utf8'));
  const ids = new Set();
  const links = [];
  const walk = (node, hidden) => {
    if (node.type === 'element') {
      const props = node.properties ?? {};
      if (props.hidden !== undefined && props.hidden !== false) hidden = true;
      if (typeof props.id === 'string' && props.id) ids.add(props.id);
      if (node.tagName === 'a' && typeof props.name === 'string') ids.add(props.name);
      if (!hidden) {
        const where = `<${node.tagName}${props.id ? ` id="${props.id}"` : ''}>`;
        for (const name of URL_ATTRIBUTES[node.tagName] ?? []) {
          const value = props[name];
          if (typeof value === 'string') links.push({ url: value, where, attribute: name });
        }
        for (const name of ['srcSet']) {
          const value = props[name];
          const text = Array.isArray(value) ? value.join(', ') : value;
          if (typeof text === 'string' && text.trim()) {
            for (const candidate of text.split(',')) {
              const url = candidate.trim().split(/\s+/)[0];
              if (url) links.push({ url, where, attribute: 'srcset' });
            }
          }
        }
        if (node.tagName === 'meta' && (URL_META.has(String(props.property ?? '')) || URL_META.has(String(props.name ?? '')))) {
          if (typeof props.content === 'string') links.push({ url: props.content, where: `<meta ${props.property ? 'property' : 'name'}="${props.property ?? props.name}">`, attribute: 'content' });
        }
      }
    }
    for (const child of node.children ?? []) walk(child, hidden);
    // <template> content lives in node.content with rehype-parse.
    if (node.content) walk(node.content, hidden);
  };
  walk(tree, false);
  return { ids, links };
}

/**
 * Checks the links of a built site. Options: base ("/" or "/essay/"), site (public origin whose URLs are the site's
 * own), pages (restrict the pages whose links are checked; targets are always looked up in the whole build).
 * Returns { pages: [{ page, file, links, problems: [string] }] }.
 */
export function checkLinks(dist, { base = '/', site = 'https://openai-revelation.example.org', pages } = {}) {
  const root = path.resolve(dist);
  const siteOrigin = new URL(site).origin;
  const cache = new Map();
  const parsed = (file) => {
    let entry = cache.get(file);
    if (!entry) cache.set(file, (entry = readPage(file)));
    return entry;
  };
  const files = pages ? pages.map((f) => path.resolve(f)) : htmlFiles(root);
  const results = [];
  for (const file of files) {
    const page = pagePath(root, file, base);
    const pageUrl = new URL(page, 'http://site.invalid');
    const { links } = parsed(file);
    const problems = [];
    for (const { url: raw, where, attribute } of links) {
      const say = (why) => problems.push(`${where} ${attribute}="${raw}": ${why}`);
      if (raw !== raw.trim() || /[\s<>"]/.test(raw.trim())) {
        say('contains whitespace or a character that must be escaped');
        continue;
      }
      if (raw === '') {
        say('empty URL');
        continue;
      }
      let url;
      try {
        url = new URL(raw, pageUrl);
      } catch {
        say('not a valid URL');
        continue;
      }
      if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'mailto:' || url.protocol === 'tel:') continue;
      if (url.protocol === 'javascript:') {
        say('javascript: URLs are not allowed (and the CSP blocks them)');
        continue;
      }
      let internal = url.origin === 'http://site.invalid';
      if (!internal && url.origin === siteOrigin) internal = true; // canonical, hreflang, og:image: the public copy of this site
      if (!internal) {
        if (url.protocol !== 'http:' && url.protocol !== 'https:') say(`unexpected scheme ${url.protocol}`);
        else if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname) || url.hostname === 'site.invalid') say('external URL without a proper host name');
        else if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') say('points at a local address');
        continue;
      }
      if (!url.pathname.startsWith(base)) {
        say(`leaves the site's base path ${base}`);
        continue;
      }
      let target = path.join(root, decodeURIComponent(url.pathname.slice(base.length)));
      if (!target.startsWith(root)) {
        say('resolves outside the build');
        continue;
      }
      if (url.pathname.endsWith('/')) target = path.join(target, 'index.html');
      else if (existsSync(target) && statSync(target).isDirectory()) {
        say('names a folder without the trailing slash the site uses');
        continue;
      }
      if (!existsSync(target)) {
        say(`no such file in the build (${path.relative(root, target)})`);
        continue;
      }
      if (url.hash && url.hash !== '#' && target.endsWith('.html')) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (!parsed(target).ids.has(id)) say(`no element with id "${id}" in ${pagePath(root, target, base)}`);
      }
    }
    results.push({ page, file, links: links.length, problems });
  }
  return { pages: results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = process.argv[2] ?? 'dist';
  const { pages } = checkLinks(dist, { base: process.env.BASE_PATH ?? '/', site: process.env.SITE_URL ?? undefined });
  let broken = 0;
  for (const { page, links, problems } of pages) {
    broken += problems.length;
    for (const problem of problems) console.log(`${page}: ${problem}`);
    if (process.argv.includes('--verbose')) console.log(`${page}: ${links} links, ${problems.length} broken`);
  }
  console.log(`${pages.length} pages, ${pages.reduce((n, p) => n + p.links, 0)} links, ${broken} broken`);
  if (broken) process.exitCode = 1;
}
