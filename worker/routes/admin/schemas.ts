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
    reason: z.optional(z.string().check(z.trim(), z.maxLength(500))),
    expiresAt: z.optional(z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' })),
  })
  .check(
    z.refine(
      (b) => [b.commentId, b.email, b.ipHash, b.readerHash].filter((v) => v !== undefined).length === 1,
      {
        error: 'give exactly one of commentId, email, ipHash, readerHash',
        path: ['commentId'],
      },
    ),
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
