/**
 * Receiving a Webmention (W3C Webmention §3.2): the synchronous checks (lib/webmention/mention-request.ts),
 * the target's thread, and the request recorded as pending; the route answers 202 and verification runs
 * after the answer (verify.ts), never while the sender waits. https://www.w3.org/TR/webmention/#receiving-webmentions
 */

import { nanoid } from 'nanoid';
import { findThreadKeyForUrl } from '../../db/mention-comments.ts';
import { findWebmention, recordWebmention, type WebmentionRow } from '../../db/webmentions.ts';
import type { Settings } from '../../env.ts';
import { ApiError } from '../../errors.ts';
import { normalizeUrl } from '../../lib/normalize-url.ts';
import { isAllowedOrigin } from '../../lib/origins.ts';
import { checkMention } from '../../lib/webmention/mention-request.ts';
import type { WebmentionStatus } from '../../types/api.ts';

/** Should the first attempt never run (the isolate evicted), the Cron Trigger takes it after this long. */
const FIRST_ATTEMPT_GRACE_MS = 2 * 60 * 1000;

export const toWebmentionStatus = (row: WebmentionRow): WebmentionStatus => ({
  id: row.id,
  source: row.source,
  target: row.target,
  status: row.status,
  reason: row.reason,
  attempts: row.attempts,
  nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
  commentId: row.comment_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * @returns the request as recorded (pending). Throws a 400 `bad_request` naming what is wrong.
 */
export const receiveWebmention = async (
  deps: { db: D1Database; settings: Settings; now: Date; ownOrigin: string },
  form: { source: string; target: string },
): Promise<WebmentionStatus> => {
  const { settings } = deps;
  const check = checkMention(
    form.source,
    form.target,
    (origin) => isAllowedOrigin(origin, deps.ownOrigin, settings),
    settings.webmention.allowLoopbackForTests,
  );
  if (!check.ok) throw new ApiError('bad_request', check.detail);
  const page = normalizeUrl(check.target.href, settings.significantQueryParams);
  if (!page) throw new ApiError('bad_request', 'target must be an absolute http(s) URL');
  const threadKey = (await findThreadKeyForUrl(deps.db, page)) ?? page;
  const id = await recordWebmention(deps.db, {
    id: nanoid(),
    source: check.source.href,
    target: check.target.href,
    threadKey,
    now: deps.now.toISOString(),
    dueAt: new Date(deps.now.getTime() + FIRST_ATTEMPT_GRACE_MS).toISOString(),
  });
  const row = await findWebmention(deps.db, id);
  if (!row) throw new ApiError('storage_unavailable', 'the request could not be read back; try again');
  return toWebmentionStatus(row);
};
