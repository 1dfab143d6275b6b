/**
 * The Causerie export format: what GET /admin/export writes and POST /admin/import?format=causerie reads
 * back (and what the command-line tool uploads in batches). Documented in docs/api.md "Export format".
 * Version 2 (issue 18) adds each comment's `kind` and `source` (a Webmention, a Mastodon reply); version 1
 * files, which have neither, still import: every comment of theirs is an ordinary one.
 */
import { COMMENT_KINDS } from '../../types/api.ts';
import * as z from '../zod.ts';

export const EXPORT_FORMAT = 'causerie-export';
export const EXPORT_VERSION = 2;
/** The versions an import reads. */
export const IMPORT_VERSIONS = [1, 2] as const;

const text = (max: number) => z.string().check(z.maxLength(max));
const nonEmpty = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const nullableText = (max: number) => z._default(z.nullable(text(max)), null);
const count = z._default(z.number().check(z.int(), z.gte(0)), 0);
const flag = z._default(z.boolean(), false);
const isoDate = z
  .string()
  .check(z.refine((s) => !Number.isNaN(Date.parse(s)), { error: 'must be an ISO 8601 date' }));

export const exportCommentSchema = z.object({
  id: nonEmpty(64),
  parentId: z._default(z.nullable(nonEmpty(64)), null),
  /** `<format>:<source thread>:<source id>` for imported comments; `null` for native ones. */
  importKey: nullableText(1000),
  status: z.enum(['approved', 'pending', 'spam', 'deleted']),
  pinned: flag,
  likes: count,
  /** Markdown, verbatim; the HTML is rendered again on import (never taken from the file). */
  body: text(1_000_000),
  author: z._default(
    z.object({
      name: nullableText(1000),
      email: nullableText(1000),
      website: nullableText(2000),
      /** The avatar seed; computed from the e-mail or name when absent. */
      avatar: nullableText(200),
      moderator: flag,
    }),
    { name: null, email: null, website: null, avatar: null, moderator: false },
  ),
  /** Keyed hash of the poster's IP (SECRET_KEY of the exporting deployment). */
  ipHash: nullableText(200),
  /** Import only: a raw IP, hashed on arrival and never stored (the command-line tool sends it). */
  ip: z.optional(z.nullable(text(100))),
  readerHash: nullableText(200),
  clientId: nullableText(200),
  notify: flag,
  createdAt: isoDate,
  editedAt: z._default(z.nullable(isoDate), null),
  /** Version 2: where it came from; absent (version 1), an ordinary comment. */
  kind: z._default(z.enum(COMMENT_KINDS), 'comment'),
  /** Version 2: the page or status a `webmention` or `mastodon` comment came from, and what it is there. */
  source: z._default(
    z.nullable(
      z.object({
        url: nonEmpty(2000).check(
          z.refine((s) => /^https?:\/\//i.test(s), { error: 'must be an http(s) URL' }),
        ),
        type: z.enum(['reply', 'like', 'repost']),
      }),
    ),
    null,
  ),
});

export const exportThreadSchema = z.object({
  /** The thread key; when absent (uploads of other formats), the normalized `url`. */
  key: z.optional(nonEmpty(2000)),
  url: nonEmpty(2000),
  title: z._default(text(1000), ''),
  locked: flag,
  likes: count,
  createdAt: z._default(z.nullable(isoDate), null),
  importKey: nullableText(1000),
  comments: z._default(z.array(exportCommentSchema), []),
});

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(IMPORT_VERSIONS, {
    error: `only versions ${IMPORT_VERSIONS.join(' and ')} are supported`,
  }),
  exportedAt: z.optional(isoDate),
  threads: z.array(exportThreadSchema),
});

export type ExportComment = z.output<typeof exportCommentSchema>;
export type ExportThread = z.output<typeof exportThreadSchema>;
export type ExportFile = z.output<typeof exportFileSchema>;
