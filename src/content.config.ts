import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterFileOf, checkChapterSet } from './lib/chapter-set';

/** Front-matter of a chapter; a wrong field fails the build with the file and field named. */
const chapterSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().min(1).max(200),
    order: z.number().int().positive(),
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lowercase words joined by hyphens'),
    published: z.coerce.date(),
    updated: z.coerce.date().optional(),
    draft: z.boolean().default(false),
  })
  .strict();

/** Both editions of the essay: content/zh/*.mdx and content/en/*.mdx, with ids such as "zh/scaling-laws". */
const files = glob({
  pattern: ['zh/*.mdx', 'en/*.mdx'],
  base: process.env.ESSAY_CONTENT_DIR ?? './content',
  generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
});

// The chapters are checked as a set (twins, orders, slugs: src/lib/chapter-set.ts) as soon as they are loaded, so a
// build with a broken set fails in its first seconds, before any page or script is built. The pages check again
// (src/lib/chapters.ts), which covers the dev server, where a changed file reloads alone.
const chapters = defineCollection({
  loader: {
    name: 'chapters',
    load: async (context) => {
      await files.load(context);
      checkChapterSet([...context.store.values()].map(chapterFileOf));
    },
  },
  schema: chapterSchema,
});

export const collections = { chapters };
