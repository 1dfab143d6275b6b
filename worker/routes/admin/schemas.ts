/** The zod schemas of the admin API's inputs. */
import { z } from 'zod';
import { LIMITS } from '../../lib/schemas.ts';
import { decodePosition } from './shapes.ts';

const STATUSES = ['approved', 'pending', 'spam', 'deleted'] as const;

const limit = (fallback: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be an integer' })
    .min(1, { error: 'must be at least 1' })
    .max(max, { error: `must be at most ${max}` })
    .default(fallback);

const cursor = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return null;
    const position = decodePosition(value);
    if (position === null) ctx.addIssue({ code: 'custom', message: 'is not a cursor from this API' });
    return position;
  });

const commentId = z.string({ error: 'must be a string' }).min(1, { error: 'is required' }).max(64);

const markdown = z
  .string({ error: 'must be a string' })
  .refine((body) => body.trim() !== '', { error: 'must not be empty' });

export const queueQuerySchema = z.object({
  status: z
    .enum([...STATUSES, 'all'], { error: 'must be pending, approved, spam, deleted or all' })
    .default('pending'),
  url: z.string().max(LIMITS.url).optional(),
  q: z
    .string()
    .max(200)
    .transform((q) => q.trim() || null)
    .optional(),
  limit: limit(50, 200),
  cursor,
});

export const commentPatchSchema = z.object({
  status: z.enum(STATUSES, { error: 'must be approved, pending, spam or deleted' }).optional(),
  pinned: z.boolean({ error: 'must be true or false' }).optional(),
  body: markdown.optional(),
});

export const bulkSchema = z.object({
  ids: z.array(commentId).min(1, { error: 'must not be empty' }).max(100, { error: 'at most 100 ids' }),
  action: z.enum(['approve', 'spam', 'delete'], { error: 'must be approve, spam or delete' }),
});

export const moderatorReplySchema = z
  .object({
    /** A reply to this comment… */
    parentId: commentId.optional(),
    /** …or a new root comment on this existing thread. */
    threadKey: z.string().min(1).max(LIMITS.url).optional(),
    body: markdown,
    name: z.string().trim().min(1).max(LIMITS.name).optional(),
  })
  .refine((r) => (r.parentId === undefined) !== (r.threadKey === undefined), {
    error: 'give either parentId or threadKey',
    path: ['parentId'],
  });

export const pageQuerySchema = z.object({ limit: limit(50, 200), cursor });

export const auditQuerySchema = z.object({
  limit: limit(50, 200),
  cursor,
  commentId: commentId.optional(),
});

export const threadPatchSchema = z.object({
  key: z.string({ error: 'is required' }).min(1, { error: 'is required' }).max(LIMITS.url),
  locked: z.boolean({ error: 'must be true or false' }).optional(),
  title: z.string({ error: 'must be a string' }).trim().max(LIMITS.title).optional(),
  url: z.string({ error: 'must be a string' }).min(1).max(LIMITS.url).optional(),
});

export const banSchema = z
  .object({
    commentId: commentId.optional(),
    email: z.email({ error: 'must be a valid e-mail address' }).max(LIMITS.email).optional(),
    ipHash: z
      .string()
      .regex(/^[0-9a-f]{8,64}$/, { error: 'must be an IP hash as the admin API shows it' })
      .optional(),
    readerHash: z
      .string()
      .regex(/^[0-9a-f]{8,64}$/, { error: 'must be a reader hash as the admin API shows it' })
      .optional(),
    reason: z.string().trim().max(500).optional(),
    expiresAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
  })
  .refine((b) => [b.commentId, b.email, b.ipHash, b.readerHash].filter((v) => v !== undefined).length === 1, {
    error: 'give exactly one of commentId, email, ipHash, readerHash',
    path: ['commentId'],
  });

/** A word or a name of a runtime list: its var is comma-separated, so an item holds no comma. */
const listItem = z
  .string({ error: 'must be a list of strings' })
  .trim()
  .min(1, { error: 'must not hold an empty entry' })
  .max(100, { error: 'must hold entries of at most 100 characters' })
  .refine((item) => !item.includes(','), { error: 'must hold entries without a comma' });

const runtimeList = z.array(listItem, { error: 'must be a list of strings' }).max(1000, {
  error: 'may hold at most 1000 entries',
});

const rateLimitText = z
  .string({ error: 'must be "count/seconds" or "off"' })
  .trim()
  .regex(/^(off|\d{1,6}\s*\/\s*\d{1,7})$/, { error: 'must be "count/seconds" or "off"' });

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .int({ error: 'must be an integer' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

/** PATCH /admin/settings: each setting to set, or `null` to drop its override (back to the var). */
const SETTINGS_SHAPE = {
  moderation: z
    .enum(['none', 'all', 'first-time'], { error: 'must be none, all or first-time' })
    .nullable()
    .optional(),
  blocklist: runtimeList.nullable().optional(),
  maxLinks: wholeNumber(0, 1000).nullable().optional(),
  reservedNames: runtimeList.nullable().optional(),
  maxCommentLength: wholeNumber(1, 100_000).nullable().optional(),
  rateLimitWrites: rateLimitText.nullable().optional(),
  rateLimitLikes: rateLimitText.nullable().optional(),
};

export const settingsPatchSchema = z
  .object(SETTINGS_SHAPE)
  // A misspelt name must not pass silently as "nothing to change": each unknown key is a field error.
  .catchall(z.unknown().refine(() => false, { error: 'is not a runtime setting' }));
