/**
 * The Causerie export format, version 1: what GET /admin/export writes and POST /admin/import?format=causerie
 * reads back (and what the command-line tool uploads in batches). Documented in the import/export docs.
 */
import * as z from '../zod.ts';

export const EXPORT_FORMAT = 'causerie-export';
export const EXPORT_VERSION = 1;

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
  version: z.literal(EXPORT_VERSION, { error: `only version ${EXPORT_VERSION} is supported` }),
  exportedAt: z.optional(isoDate),
  threads: z.array(exportThreadSchema),
});

export type ExportComment = z.output<typeof exportCommentSchema>;
export type ExportThread = z.output<typeof exportThreadSchema>;
export type ExportFile = z.output<typeof exportFileSchema>;
