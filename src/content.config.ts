import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

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
const chapters = defineCollection({
  loader: glob({
    pattern: ['zh/*.mdx', 'en/*.mdx'],
    base: process.env.ESSAY_CONTENT_DIR ?? './content',
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: chapterSchema,
});

export const collections = { chapters };
