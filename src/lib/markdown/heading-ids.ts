import type { Root, Heading, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { failAt } from './errors';

const ANCHOR = /\s*\[#([a-z0-9]+(?:-[a-z0-9]+)*)\]\s*$/;

/**
 * Remark plugin: `## Title [#anchor]` gives the heading the id "anchor" (shared by both editions) and drops the
 * marker from its text. Chapter h2/h3 headings without an anchor, and anchors used twice, fail the build.
 */
export function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    const seen = new Set<string>();
    visit(tree, 'heading', (node: Heading) => {
      const last = node.children.at(-1);
      const match = last?.type === 'text' ? ANCHOR.exec((last as Text).value) : null;
      if (!match) {
        if (node.depth === 2 || node.depth === 3) {
          failAt(file, node, `heading "${toString(node)}" needs an anchor: write "${'#'.repeat(node.depth)} ${toString(node)} [#some-id]"`);
        }
        return;
      }
      const id = match[1]!;
      if (seen.has(id)) failAt(file, node, `anchor "#${id}" is used by two headings`);
      seen.add(id);
      (last as Text).value = (last as Text).value.slice(0, match.index);
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
    });
  };
}
