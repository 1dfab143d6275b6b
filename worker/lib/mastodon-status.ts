/**
 * The parts of a Mastodon API `Status` and `Context` the importer reads, checked field by field: nothing
 * an instance answers is trusted, so a status of the wrong shape is skipped rather than stored, and the
 * few strings kept are bounded. Shapes: https://docs.joinmastodon.org/entities/Status/ and
 * https://docs.joinmastodon.org/entities/Context/ (`GET /api/v1/statuses/:id` and `…/:id/context`).
 */
import * as z from './zod.ts';

/** Statuses readers may see: `private` (followers only) and `direct` never leave the instance here. */
export const IMPORTED_VISIBILITIES = ['public', 'unlisted'] as const;

/** At most this many descendants are read from one context (an unauthenticated context has ≤ 60). */
export const MAX_DESCENDANTS = 200;

const text = (max: number) => z.string().check(z.maxLength(max));
const count = z.catch(z.number().check(z.int(), z.gte(0)), 0);
const isoDate = z.string().check(
  z.maxLength(40),
  z.refine((value) => !Number.isNaN(Date.parse(value))),
);
const httpsUrl = z.string().check(
  z.maxLength(2000),
  z.refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value)),
);

const accountSchema = z.object({
  acct: text(320),
  display_name: z.catch(text(2000), ''),
  url: httpsUrl,
  avatar: z.catch(z.nullable(httpsUrl), null),
});

export const statusSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9]{1,64}$/)),
  uri: httpsUrl,
  url: z.catch(z.nullable(httpsUrl), null),
  created_at: isoDate,
  edited_at: z.catch(z.nullable(isoDate), null),
  in_reply_to_id: z.catch(z.nullable(z.string().check(z.maxLength(64))), null),
  visibility: z.string().check(z.maxLength(20)),
  content: text(100_000),
  spoiler_text: z.catch(text(2000), ''),
  account: accountSchema,
  favourites_count: count,
  reblogs_count: count,
});

export type MastodonStatus = z.infer<typeof statusSchema>;

export interface MastodonContext {
  descendants: MastodonStatus[];
  /** Descendants that were not a status of the expected shape (counted, for the owner's view). */
  skipped: number;
}

/** A status, or `null` when the answer is not one. */
export const parseStatus = (value: unknown): MastodonStatus | null => {
  const parsed = statusSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/** A context's descendants, each checked on its own; `null` when the answer is not a context at all. */
export const parseContext = (value: unknown): MastodonContext | null => {
  if (typeof value !== 'object' || value === null) return null;
  const descendants = (value as { descendants?: unknown }).descendants;
  if (!Array.isArray(descendants)) return null;
  const parsed = descendants.slice(0, MAX_DESCENDANTS).map(parseStatus);
  const kept = parsed.filter((status): status is MastodonStatus => status !== null);
  return { descendants: kept, skipped: descendants.length - kept.length };
};

/** Whether readers may see it here. */
export const isImportable = (status: MastodonStatus): boolean =>
  (IMPORTED_VISIBILITIES as readonly string[]).includes(status.visibility);

/** The import key of a status: its web page, else its ActivityPub id (both name it for good). */
export const sourceUrlOf = (status: MastodonStatus): string => status.url ?? status.uri;

/** What changes when the author edits it: a re-fetch with the same version writes nothing. */
export const versionOf = (status: MastodonStatus): string => status.edited_at ?? status.created_at;
