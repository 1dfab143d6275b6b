/** The zod schemas of the reader API's inputs, with the limits and messages API.md states. */
import { SORTS } from '../types/api.ts';
import { hasHiddenControl, stripNameControls } from './author-text.ts';
import * as z from './zod.ts';

/** The page size readers get without asking (GET /threads `limit`). */
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

const text = (max: number) => z.string({ error: 'must be a string' }).check(z.maxLength(max, atMost(max)));

const readerId = z
  .string({ error: 'must be a string' })
  .check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'must be 8 to 64 URL-safe characters' }));

/** A comment's Markdown: not blank; its length is checked against MAX_COMMENT_LENGTH by `checkLength`. */
const markdown = z
  .string({ error: 'is required' })
  .check(z.refine((body) => body.trim() !== '', { error: 'must not be empty' }));

/** An optional field where a blank string counts as absent. */
const blankOptional = <T extends z.ZodMiniType>(schema: T) => z.preprocess(blankAsAbsent, z.optional(schema));

/** A positive whole number from a query string, `fallback` when absent. */
export const queryLimit = (fallback: number, max: number) =>
  z._default(
    z.coerce
      .number({ error: 'must be a number' })
      .check(
        z.int({ error: 'must be an integer' }),
        z.gte(1, { error: 'must be at least 1' }),
        z.lte(max, { error: `must be at most ${max}` }),
      ),
    fallback,
  );

export const newCommentSchema = z.object({
  url: text(LIMITS.url).check(z.minLength(1, { error: 'is required' })),
  id: blankOptional(text(LIMITS.id)),
  title: blankOptional(text(LIMITS.title)),
  parentId: blankOptional(z.nullable(text(64))),
  // Kept verbatim (the author edits what they typed); its length is checked against MAX_COMMENT_LENGTH later.
  body: markdown,
  author: z.optional(
    z.object({
      name: z.preprocess((value) => blankAsAbsent(stripNameControls(value)), z.optional(text(LIMITS.name))),
      email: blankOptional(z.pipe(text(LIMITS.email), z.email({ error: 'must be a valid e-mail address' }))),
      website: blankOptional(
        text(LIMITS.website).check(
          z.refine((v) => !hasHiddenControl(v), { error: 'must not contain control characters' }),
          z.refine(isHttpUrl, { error: 'must be an http(s) URL' }),
        ),
      ),
    }),
  ),
  notify: z.optional(z.boolean({ error: 'must be true or false' })),
  /** The widget's opaque reader id (the one it sends with likes): per-reader rate limits and bans. */
  reader: blankOptional(readerId),
  clientId: z.optional(
    z
      .string({ error: 'must be a string' })
      .check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'must be 16 to 64 URL-safe characters' })),
  ),
  /** The Turnstile token when the challenge is on (services/spam/turnstile.ts; siteverify caps it at 2,048). */
  challengeToken: z.optional(text(2048)),
  // Honeypots: hidden from people, filled by bots (see isHoneypotFilled).
  website2: z.optional(z.unknown()),
  hp: z.optional(z.unknown()),
});

export type NewCommentInput = z.infer<typeof newCommentSchema>;

export const threadQuerySchema = z
  .object({
    url: z.optional(text(LIMITS.url)),
    id: z.optional(text(LIMITS.id).check(z.minLength(1, { error: 'must not be empty' }))),
    sort: z._default(z.enum(SORTS, { error: 'must be oldest, newest or top' }), 'oldest'),
    limit: queryLimit(DEFAULT_PAGE_SIZE, 100),
    cursor: z.optional(z.string().check(z.maxLength(500, atMost(500)))),
  })
  .check(z.refine((q) => q.url !== undefined || q.id !== undefined, { error: 'is required', path: ['url'] }));

export const editSchema = z.object({ body: markdown });

export const likeSchema = z.object({ reader: readerId });

export const pageLikeSchema = z.object({
  url: text(LIMITS.url).check(z.minLength(1, { error: 'is required' })),
  id: blankOptional(text(LIMITS.id)),
  reader: readerId,
});
