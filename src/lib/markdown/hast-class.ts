import type { Node } from 'unist';
import type { Element } from 'hast';

/** True when a node is a HAST element whose class list holds `name` (e.g. KaTeX's "katex" or "base"). */
export function hasClass(node: Node | undefined, name: string): node is Element {
  const className = node?.type === 'element' ? (node as Element).properties.className : undefined;
  return Array.isArray(className) && className.includes(name);
}
