import { z } from 'zod';

export const SEARCH_KINDS = ['documents', 'mail', 'meetings', 'people', 'cases'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const searchQuerySchema = z.object({
  /** Words, with or without diacritics; every word must match. */
  q: z.string().trim().min(2).max(200),
  /** Results per kind. */
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** A line that tells the hit apart: number and date, sender, time and place, position, stage. */
  detail: z.string(),
  /** Where the web app opens it: its own path, relative to the site. */
  path: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchGroupSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  /** How many match in all (those the reader may see), of which `items` are the first. */
  total: z.number().int(),
  items: z.array(searchHitSchema),
});
export type SearchGroup = z.infer<typeof searchGroupSchema>;

export const searchResponseSchema = z.object({ q: z.string(), groups: z.array(searchGroupSchema) });
export type SearchResponse = z.infer<typeof searchResponseSchema>;
