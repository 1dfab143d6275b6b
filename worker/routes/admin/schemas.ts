/** The zod schemas of the admin API's inputs. */
import { LIMITS, queryLimit } from '../../lib/schemas.ts';
import * as z from '../../lib/zod.ts';
import { decodePosition } from './shapes.ts';

const STATUSES = ['approved', 'pending', 'spam', 'deleted'] as const;

const cursor = z.pipe(
  z.optional(z.string()),
  z.transform((value: string | undefined, ctx) => {
    if (value === undefined) return null;
    const position = decodePosition(value);
    if (position === null) {
      ctx.issues.push({ code: 'custom', message: 'is not a cursor from this API', input: value });
    }
    return position;
  }),
);

const commentId = z
  .string({ error: 'must be a string' })
  .check(z.minLength(1, { error: 'is required' }), z.maxLength(64));

const markdown = z
  .string({ error: 'must be a string' })
  .check(z.refine((body) => body.trim() !== '', { error: 'must not be empty' }));

export const queueQuerySchema = z.object({
  status: z._default(
    z.enum([...STATUSES, 'all'], { error: 'must be pending, approved, spam, deleted or all' }),
    'pending',
  ),
  url: z.optional(z.string().check(z.maxLength(LIMITS.url))),
  q: z.optional(
    z.pipe(
      z.string().check(z.maxLength(200)),
      z.transform((q: string) => q.trim() || null),
    ),
  ),
  limit: queryLimit(50, 200),
  cursor,
});

export const commentPatchSchema = z.object({
  status: z.optional(z.enum(STATUSES, { error: 'must be approved, pending, spam or deleted' })),
  pinned: z.optional(z.boolean({ error: 'must be true or false' })),
  body: z.optional(markdown),
});

export const bulkSchema = z.object({
  ids: z
    .array(commentId)
    .check(z.minLength(1, { error: 'must not be empty' }), z.maxLength(100, { error: 'at most 100 ids' })),
  action: z.enum(['approve', 'spam', 'delete'], { error: 'must be approve, spam or delete' }),
});

export const moderatorReplySchema = z
  .object({
    /** A reply to this comment… */
    parentId: z.optional(commentId),
    /** …or a new root comment on this existing thread. */
    threadKey: z.optional(z.string().check(z.minLength(1), z.maxLength(LIMITS.url))),
    body: markdown,
    name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.name))),
  })
  .check(
    z.refine((r) => (r.parentId === undefined) !== (r.threadKey === undefined), {
      error: 'give either parentId or threadKey',
      path: ['parentId'],
    }),
  );

export const pageQuerySchema = z.object({ limit: queryLimit(50, 200), cursor });

export const auditQuerySchema = z.object({
  limit: queryLimit(50, 200),
  cursor,
  commentId: z.optional(commentId),
});

export const threadPatchSchema = z.object({
  key: z
    .string({ error: 'is required' })
    .check(z.minLength(1, { error: 'is required' }), z.maxLength(LIMITS.url)),
  locked: z.optional(z.boolean({ error: 'must be true or false' })),
  title: z.optional(z.string({ error: 'must be a string' }).check(z.trim(), z.maxLength(LIMITS.title))),
  url: z.optional(z.string({ error: 'must be a string' }).check(z.minLength(1), z.maxLength(LIMITS.url))),
});

const hash = (what: string) =>
  z.optional(
    z
      .string()
      .check(z.regex(/^[0-9a-f]{8,64}$/, { error: `must be ${what} hash as the admin API shows it` })),
  );

export const banSchema = z
  .object({
    commentId: z.optional(commentId),
    email: z.optional(z.email({ error: 'must be a valid e-mail address' }).check(z.maxLength(LIMITS.email))),
    ipHash: hash('an IP'),
    readerHash: hash('a reader'),
    userId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    reason: z.optional(z.string().check(z.trim(), z.maxLength(500))),
    expiresAt: z.optional(z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' })),
  })
  .check(
    z.refine(
      (b) =>
        [b.commentId, b.email, b.ipHash, b.readerHash, b.userId].filter((v) => v !== undefined).length === 1,
      {
        error: 'give exactly one of commentId, email, ipHash, readerHash, userId',
        path: ['commentId'],
      },
    ),
    // An account ban lasts until it is lifted (DELETE /admin/bans/user:<id>): users.banned_at has no end.
    z.refine((b) => b.userId === undefined || b.expiresAt === undefined, {
      error: 'an account ban does not expire; lift it with DELETE',
      path: ['expiresAt'],
    }),
  );

/** A word or a name of a runtime list: its var is comma-separated, so an item holds no comma. */
const listItem = z.string({ error: 'must be a list of strings' }).check(
  z.trim(),
  z.minLength(1, { error: 'must not hold an empty entry' }),
  z.maxLength(100, { error: 'must hold entries of at most 100 characters' }),
  z.refine((item) => !item.includes(','), { error: 'must hold entries without a comma' }),
);

const runtimeList = z
  .array(listItem, { error: 'must be a list of strings' })
  .check(z.maxLength(1000, { error: 'may hold at most 1000 entries' }));

const rateLimitText = z
  .string({ error: 'must be "count/seconds" or "off"' })
  .check(z.trim(), z.regex(/^(off|\d{1,6}\s*\/\s*\d{1,7})$/, { error: 'must be "count/seconds" or "off"' }));

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .check(
      z.refine(Number.isInteger, { error: 'must be an integer' }),
      z.gte(min, { error: `must be at least ${min}` }),
      z.lte(max, { error: `must be at most ${max}` }),
    );

/** An http(s) origin (`scheme://host[:port]`, nothing after): what ALLOWED_ORIGINS lists. */
const originText = z.string({ error: 'must be an origin' }).check(
  z.trim(),
  z.maxLength(300, { error: 'must be at most 300 characters' }),
  z.refine(
    (value) => {
      try {
        const url = new URL(value);
        return (
          (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '')
        );
      } catch {
        return false;
      }
    },
    { error: 'must be an origin such as https://blog.example' },
  ),
);

/** `""` (off) or an http(s) URL. */
const urlOrEmpty = z.string({ error: 'must be a URL or ""' }).check(
  z.trim(),
  z.maxLength(2000, { error: 'must be at most 2000 characters' }),
  z.refine((value) => value === '' || /^https?:\/\/[^\s]+$/.test(value), {
    error: 'must be an http(s) URL or ""',
  }),
);

/** `""` (nobody) or an e-mail address. */
const emailOrEmpty = z.string({ error: 'must be an e-mail address or ""' }).check(
  z.trim(),
  z.maxLength(254, { error: 'must be at most 254 characters' }),
  z.refine((value) => value === '' || /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(value), {
    error: 'must be an e-mail address or ""',
  }),
);

/** A setting to set, or `null` to drop its override (back to the var). */
const change = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

/** PATCH /admin/settings: each setting to set, or `null` to drop its override (back to the var). */
const SETTINGS_SHAPE = {
  moderation: change(z.enum(['none', 'all', 'first-time'], { error: 'must be none, all or first-time' })),
  blocklist: change(runtimeList),
  maxLinks: change(wholeNumber(0, 1000)),
  reservedNames: change(runtimeList),
  maxCommentLength: change(wholeNumber(1, 100_000)),
  rateLimitWrites: change(rateLimitText),
  rateLimitLikes: change(rateLimitText),
  editWindowSeconds: change(wholeNumber(1, 31_536_000)),
  anonymousName: change(
    z
      .string({ error: 'must be a name' })
      .check(
        z.trim(),
        z.minLength(1, { error: 'must not be empty' }),
        z.maxLength(80, { error: 'must be at most 80 characters' }),
      ),
  ),
  allowedOrigins: change(
    z
      .array(originText, { error: 'must be a list of origins' })
      .check(z.maxLength(100, { error: 'may hold at most 100 origins' })),
  ),
  webhookUrl: change(urlOrEmpty),
  ownerEmail: change(emailOrEmpty),
  live: change(z.enum(['on', 'off'], { error: 'must be on or off' })),
};

// A misspelt name must not pass silently as "nothing to change": each unknown key is a field error.
export const settingsPatchSchema = z.catchall(
  z.object(SETTINGS_SHAPE),
  z.unknown().check(z.refine(() => false, { error: 'is not a runtime setting' })),
);

export const MAIL_STATUSES = ['sent', 'failed', 'capped', 'queued', 'digested'] as const;

/** GET /admin/mail: the mail log, newest first; `status` filters (all by default). */
export const mailQuerySchema = z.object({
  status: z._default(
    z.enum([...MAIL_STATUSES, 'all'], { error: 'must be sent, failed, capped, queued, digested or all' }),
    'all',
  ),
  limit: queryLimit(50, 200),
  cursor,
});

/** GET /admin/spam: the window of the figures, in days (today included). */
export const spamQuerySchema = z.object({ days: queryLimit(30, 365) });
