import type { Root, Element, Text } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

const LABELS = {
  zh: { heading: '注释', back: '返回正文' },
  en: { heading: 'Notes', back: 'Back to the text' },
};

/** Rehype plugin: gives GFM footnotes their heading and back-link labels in the chapter's own language. */
export function rehypeFootnoteLabels() {
  return (tree: Root, file: VFile) => {
    const lang = /(?:^|[\\/])zh[\\/][^\\/]+$/.test(file.path ?? '') ? 'zh' : 'en';
    visit(tree, 'element', (node: Element) => {
      if (node.properties?.id === 'footnote-label') {
        node.children = [{ type: 'text', value: LABELS[lang].heading } as Text];
      }
      if (node.tagName === 'a' && 'dataFootnoteBackref' in (node.properties ?? {})) {
        node.properties.ariaLabel = LABELS[lang].back;
      }
    });
  };
}
