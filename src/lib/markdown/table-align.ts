import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Rehype plugin: writes a table column's alignment (`| ---: |` in Markdown, `align` on the cell in hast) as
 * `style="text-align: …"`, since HTML has made the align attribute obsolete. MDX does this itself for what it compiles
 * to components, but not for the static parts that the MDX integration's optimize option turns into an HTML string.
 */
export function rehypeTableAlign() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if ((node.tagName !== 'td' && node.tagName !== 'th') || typeof node.properties.align !== 'string') return;
      const { align, ...rest } = node.properties;
      const style = typeof rest.style === 'string' && rest.style.trim() ? rest.style.trim().replace(/;?$/, ';') : '';
      node.properties = { ...rest, style: `${style}text-align:${align}` };
    });
  };
}
