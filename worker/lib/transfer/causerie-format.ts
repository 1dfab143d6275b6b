/**
 * The Causerie export format, version 1: what GET /admin/export writes and POST /admin/import?format=causerie
 * reads back (and what the command-line tool uploads in batches). Documented in the import/export docs.
 */
import { z } from 'zod';

export const EXPORT_FORMAT = 'causerie-export';
export const EXPORT_VERSION = 1;

const nullableText = (max: number) => z.string().max(max).nullable().default(null);
const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: 'must be an ISO 8601 date' });

export const exportCommentSchema = z.object({
  id: z.string().min(1).max(64),
  parentId: z.string().min(1).max(64).nullable().default(null),
  /** `<format>:<source thread>:<source id>` for imported comments; `null` for native ones. */
  importKey: nullableText(1000),
  status: z.enum(['approved', 'pending', 'spam', 'deleted']),
  pinned: z.boolean().default(false),
  likes: z.number().int().min(0).default(0),
  /** Markdown, verbatim; the HTML is rendered again on import (never taken from the file). */
  body: z.string().max(1_000_000),
  author: z
    .object({
      name: nullableText(1000),
      email: nullableText(1000),
      website: nullableText(2000),
      /** The avatar seed; computed from the e-mail or name when absent. */
      avatar: nullableText(200),
      moderator: z.boolean().default(false),
    })
    .default({ name: null, email: null, website: null, avatar: null, moderator: false }),
  /** Keyed hash of the poster's IP (SECRET_KEY of the exporting deployment). */
  ipHash: nullableText(200),
  /** Import only: a raw IP, hashed on arrival and never stored (the command-line tool sends it). */
  ip: z.string().max(100).nullable().optional(),
  readerHash: nullableText(200),
  clientId: nullableText(200),
  notify: z.boolean().default(false),
  createdAt: isoDate,
  editedAt: isoDate.nullable().default(null),
});

export const exportThreadSchema = z.object({
  /** The thread key; when absent (uploads of other formats), the normalized `url`. */
  key: z.string().min(1).max(2000).optional(),
  url: z.string().min(1).max(2000),
  title: z.string().max(1000).default(''),
  locked: z.boolean().default(false),
  likes: z.number().int().min(0).default(0),
  createdAt: isoDate.nullable().default(null),
  importKey: nullableText(1000),
  comments: z.array(exportCommentSchema).default([]),
});

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION, { error: `only version ${EXPORT_VERSION} is supported` }),
  exportedAt: isoDate.optional(),
  threads: z.array(exportThreadSchema),
});

export type ExportComment = z.output<typeof exportCommentSchema>;
export type ExportThread = z.output<typeof exportThreadSchema>;
export type ExportFile = z.output<typeof exportFileSchema>;
