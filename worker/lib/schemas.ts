/** The zod schemas of the reader API's inputs, with the limits and messages API.md states. */
import { z } from 'zod';
import { SORTS } from '../types/api.ts';
import { hasHiddenControl, stripNameControls } from './author-text.ts';

/** The page size readers get without asking; the one the thread cache keeps (services/pages/thread-cache.ts). */
export const DEFAULT_PAGE_SIZE = 50;

export const LIMITS = { name: 80, email: 254, website: 500, url: 2000, id: 200, title: 300 } as const;

const atMost = (n: number) => ({ error: `must be at most ${n} characters` });

/** Trims a string, and treats an empty one as absent (a blank optional field in a form). */
const blankAsAbsent = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

const isHttpUrl = (value: string): boolean => {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
};

const text = (max: number) => z.string({ error: 'must be a string' }).max(max, atMost(max));

const readerId = z
  .string({ error: 'must be a string' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'must be 8 to 64 URL-safe characters' });

/** A comment's Markdown: not blank; its length is checked against MAX_COMMENT_LENGTH by `checkLength`. */
const markdown = z
  .string({ error: 'is required' })
  .refine((body) => body.trim() !== '', { error: 'must not be empty' });

export const newCommentSchema = z.object({
  url: text(LIMITS.url).min(1, { error: 'is required' }),
  id: z.preprocess(blankAsAbsent, text(LIMITS.id).optional()),
  title: z.preprocess(blankAsAbsent, text(LIMITS.title).optional()),
  parentId: z.preprocess(blankAsAbsent, text(64).nullable().optional()),
  // Kept verbatim (the author edits what they typed); its length is checked against MAX_COMMENT_LENGTH later.
  body: z
    .string({ error: 'is required' })
    .refine((body) => body.trim() !== '', { error: 'must not be empty' }),
  author: z
    .object({
      name: z.preprocess((value) => blankAsAbsent(stripNameControls(value)), text(LIMITS.name).optional()),
      email: z.preprocess(
        blankAsAbsent,
        text(LIMITS.email)
          .pipe(z.email({ error: 'must be a valid e-mail address' }))
          .optional(),
      ),
      website: z.preprocess(
        blankAsAbsent,
        text(LIMITS.website)
          .refine((v) => !hasHiddenControl(v), { error: 'must not contain control characters' })
          .refine(isHttpUrl, { error: 'must be an http(s) URL' })
          .optional(),
      ),
    })
    .optional(),
  notify: z.boolean({ error: 'must be true or false' }).optional(),
  /** The widget's opaque reader id (the one it sends with likes): per-reader rate limits and bans. */
  reader: z.preprocess(blankAsAbsent, readerId.optional()),
  clientId: z
    .string({ error: 'must be a string' })
    .regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'must be 16 to 64 URL-safe characters' })
    .optional(),
  // Honeypots: hidden from people, filled by bots (see isHoneypotFilled).
  website2: z.unknown().optional(),
  hp: z.unknown().optional(),
});

export type NewCommentInput = z.infer<typeof newCommentSchema>;

export const threadQuerySchema = z
  .object({
    url: text(LIMITS.url).optional(),
    id: text(LIMITS.id).min(1, { error: 'must not be empty' }).optional(),
    sort: z.enum(SORTS, { error: 'must be oldest, newest or top' }).default('oldest'),
    limit: z.coerce
      .number({ error: 'must be a number' })
      .int({ error: 'must be an integer' })
      .min(1, { error: 'must be at least 1' })
      .max(100, { error: 'must be at most 100' })
      .default(DEFAULT_PAGE_SIZE),
    cursor: z.string().max(500, atMost(500)).optional(),
  })
  .refine((q) => q.url !== undefined || q.id !== undefined, { error: 'is required', path: ['url'] });

export const editSchema = z.object({ body: markdown });

export const likeSchema = z.object({ reader: readerId });

export const pageLikeSchema = z.object({
  url: text(LIMITS.url).min(1, { error: 'is required' }),
  id: z.preprocess(blankAsAbsent, text(LIMITS.id).optional()),
  reader: readerId,
});
