/** A heading as Astro reports it for a rendered chapter. */
export interface HeadingInfo {
  depth: number;
  slug: string;
  text: string;
}

/** One entry of a table of contents, with its subsections. */
export interface TocEntry extends HeadingInfo {
  children: TocEntry[];
}

/** Builds a two-level table of contents (h2 with their h3) from a chapter's flat heading list. */
export function buildToc(headings: HeadingInfo[]): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const heading of headings) {
    if (heading.slug === 'footnote-label') continue;
    if (heading.depth === 2) toc.push({ ...heading, children: [] });
    else if (heading.depth === 3) {
      const parent = toc.at(-1);
      if (parent) parent.children.push({ ...heading, children: [] });
      else toc.push({ ...heading, children: [] });
    }
  }
  return toc;
}
