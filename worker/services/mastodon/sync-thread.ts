/**
 * One fetch of a linked toot (issue 18, item 2): `GET /api/v1/statuses/:id` for its favourites and boosts,
 * `GET /api/v1/statuses/:id/context` for its replies (https://docs.joinmastodon.org/methods/statuses/ —
 * without a token a context holds at most 60 public descendants, 20 deep). New public and unlisted
 * replies become comments of kind 'mastodon' through the spam pipeline and the owner's moderation mode,
 * edits update them, and replies the instance says are gone are removed. Bounded per fetch (at most
 * MAX_CHANGES_PER_FETCH writes, MAX_GONE_CHECKS extra requests); what is left is due again at once.
 * Past ~200 lines: the plan of one fetch reads best in one place, in the order it runs.
 */
import { nanoid } from 'nanoid';
import { type EditableRow, findEditable, updateBody } from '../../db/edits.ts';
import { fetchedStatements, type MastodonLinkRow, recordFailure } from '../../db/mastodon-links.ts';
import {
  hasApprovedFromAccount,
  type ImportedStatusRow,
  importedStatuses,
  insertRepliesStatements,
  type NewMastodonReply,
  setVersion,
} from '../../db/mastodon-replies.ts';
import { eraseStatements } from '../../db/moderation.ts';
import { forgetTrainingStatement } from '../../db/spam-model.ts';
import type { Settings } from '../../env.ts';
import { keyedHash } from '../../lib/crypto.ts';
import { importedAncestor, replyText } from '../../lib/mastodon-reply.ts';
import {
  isImportable,
  type MastodonStatus,
  parseContext,
  parseStatus,
  sourceUrlOf,
  versionOf,
} from '../../lib/mastodon-status.ts';
import { accountOfToot, parseTootUrl } from '../../lib/mastodon-url.ts';
import { renderImportedHtml } from '../posting/comment-html.ts';
import type { PostContext } from '../posting/context.ts';
import { checksOf, decide } from '../posting/decide-status.ts';
import { screen, toRecord } from '../spam/screen.ts';
import type { SpamCheckResult } from '../spam/types.ts';
import { type FetchJsonResult, fetchJson } from './fetch-json.ts';

/** New, edited and removed replies one fetch writes; the rest wait for the next fetch (due at once). */
export const MAX_CHANGES_PER_FETCH = 10;
/** Imported replies missing from the context that one fetch asks the instance about (404/410: gone). */
export const MAX_GONE_CHECKS = 3;

export interface SyncDeps {
  db: D1Database;
  settings: Settings;
  now: Date;
  /** How the worker calls the instance; `fetch` unless a test says otherwise. */
  fetcher?: typeof fetch;
}

export interface SyncResult {
  ok: boolean;
  /** Why the fetch failed (also recorded on the link as `last_error`), `null` on success. */
  error: string | null;
  added: number;
  updated: number;
  removed: number;
  /** Something readers see changed: the thread's cached pages must go. */
  changed: boolean;
  /** The comments added, edited or removed: what live readers are told (services/live/notify.ts). */
  changedIds: string[];
}

/** Minutes until a link that failed `failures` times in a row is due again: 10, 20, 40 … a day at most. */
export const backoffMinutes = (failures: number): number => Math.min(24 * 60, 5 * 2 ** Math.min(failures, 9));

const addMinutes = (now: Date, minutes: number): string =>
  new Date(now.getTime() + minutes * 60_000).toISOString();

const apiBase = (settings: Settings, host: string): string => settings.mastodon.apiUrl ?? `https://${host}`;

/** `user@host` of a status's author (a local account's `acct` has no domain). */
const fullAcct = (status: MastodonStatus, host: string): string => {
  const acct = status.account.acct.toLowerCase();
  return acct.includes('@') ? acct : `${acct}@${host}`;
};

/** An embed's link stands only for a toot by one of the owner's accounts, on that account's instance. */
const isOwnersToot = (settings: Settings, link: MastodonLinkRow, toot: MastodonStatus): boolean => {
  const ref = parseTootUrl(link.status_url);
  const named = ref ? accountOfToot(ref) : null;
  const author = fullAcct(toot, link.host);
  return named === author && settings.mastodon.accounts.includes(author) && author.endsWith(`@${link.host}`);
};

const spamContext = (deps: SyncDeps): PostContext => ({
  db: deps.db,
  settings: deps.settings,
  ip: null,
  isAllowedOrigin: () => true,
  now: deps.now,
  reader: null,
  ...(deps.fetcher ? { fetcher: deps.fetcher } : {}),
});

interface Known {
  commentId: string;
  rootId: string;
  status: ImportedStatusRow['status'];
}

/** The pipeline's and the owner's word on one reply; "first-time" trusts an account approved before. */
const judge = async (deps: SyncDeps, link: MastodonLinkRow, status: MastodonStatus, edit: boolean) => {
  const { body, authorName } = replyText(status, deps.settings.maxCommentLength);
  const html = renderImportedHtml(body);
  const ctx = spamContext(deps);
  const screening = await screen(checksOf(ctx), deps.settings, {
    body,
    html,
    authorName,
    authorEmail: null,
    authorWebsite: status.account.url,
    pageUrl: link.thread_url,
    ip: null,
    userAgent: null,
    referrer: null,
    signedIn: false,
    edit,
  });
  let decision = await decide(ctx, screening, null, null);
  if (
    decision.status === 'pending' &&
    screening.verdict === 'pass' &&
    deps.settings.moderation === 'first-time' &&
    (await hasApprovedFromAccount(deps.db, status.account.url))
  ) {
    const trusted: SpamCheckResult = {
      check: 'moderation',
      verdict: 'pass',
      score: 0,
      detail: 'mode first-time: a known Mastodon account',
    };
    decision = { status: 'approved', record: toRecord(screening, trusted, 'pass') };
  }
  return { body, html, authorName, screening, ...decision };
};

const newReply = async (
  deps: SyncDeps,
  link: MastodonLinkRow,
  status: MastodonStatus,
  parent: Known | null,
): Promise<NewMastodonReply> => {
  const judged = await judge(deps, link, status, false);
  const id = nanoid();
  // A reply to a reply still held (or gone) waits too: it must not show without what it answers.
  const held = parent !== null && parent.status !== 'approved' && judged.status === 'approved';
  return {
    id,
    parentId: parent?.commentId ?? null,
    rootId: parent?.rootId ?? id,
    status: held ? 'pending' : judged.status,
    body: judged.body,
    html: judged.html,
    authorName: judged.authorName,
    authorWebsite: status.account.url,
    // Readers see a generated avatar, one per Mastodon account; the account's own picture is kept for
    // the owner (mastodon_statuses.avatar_url), never sent to readers' browsers.
    avatar: await keyedHash(deps.settings.secretKey, 'avatar:mastodon', status.account.url, 16),
    createdAt: new Date(status.created_at).toISOString(),
    sourceUrl: sourceUrlOf(status),
    spam: judged.record,
    statusId: status.id,
    tootUrl: link.status_url,
    acct: status.account.acct,
    avatarUrl: status.account.avatar,
    version: versionOf(status),
  };
};

const applyEdit = async (
  deps: SyncDeps,
  link: MastodonLinkRow,
  known: ImportedStatusRow,
  status: MastodonStatus,
) => {
  const row = await findEditable(deps.db, known.comment_id);
  if (!row) return false;
  const judged = await judge(deps, link, status, true);
  const heldAs = judged.status === 'spam' ? 'spam' : judged.status === 'pending' ? 'pending' : null;
  await updateBody(deps.db, row, {
    body: judged.body,
    html: judged.html,
    editedAt: new Date(status.edited_at ?? deps.now).toISOString(),
    heldAs,
    spam: judged.record,
  });
  await setVersion(deps.db, known.comment_id, versionOf(status)).run();
  return true;
};

const remove = async (deps: SyncDeps, commentId: string): Promise<boolean> => {
  const row: EditableRow | null = await findEditable(deps.db, commentId);
  if (!row) return false;
  // Its mastodon_statuses row stays: the status is then known as gone (or erased) and never imported again.
  await deps.db.batch([
    ...(await eraseStatements(deps.db, row)),
    forgetTrainingStatement(deps.db, [commentId]),
  ]);
  return true;
};

/** Oldest first: a reply is always newer than what it answers, so its parent is planned before it. */
const byAge = (a: MastodonStatus, b: MastodonStatus): number =>
  Date.parse(a.created_at) - Date.parse(b.created_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Fetches the link's toot and context and brings the thread in step with them; a failure is recorded on
 * the link (its error, and a later due time) and answered, never thrown.
 * @example const result = await syncLink({ db, settings, now: new Date() }, link)
 */
export const syncLink = async (deps: SyncDeps, link: MastodonLinkRow): Promise<SyncResult> => {
  const { db, settings, now } = deps;
  const outcome = { threadId: link.thread_id, statusUrl: link.status_url, now: now.toISOString() };
  const result: SyncResult = {
    ok: false,
    error: null,
    added: 0,
    updated: 0,
    removed: 0,
    changed: false,
    changedIds: [],
  };
  const fail = async (error: string): Promise<SyncResult> => {
    await recordFailure(db, { ...outcome, error, dueAt: addMinutes(now, backoffMinutes(link.failures + 1)) });
    return { ...result, error };
  };
  const base = apiBase(settings, link.host);
  // Ids are checked to be [A-Za-z0-9] (lib/mastodon-url.ts, lib/mastodon-status.ts): safe in a path.
  const get = (path: string): Promise<FetchJsonResult> =>
    fetchJson(`${base}/api/v1/statuses/${path}`, {
      timeoutMs: settings.mastodon.timeoutMs,
      ...(deps.fetcher ? { fetcher: deps.fetcher } : {}),
    });

  const tootAnswer = await get(link.status_id);
  if (!tootAnswer.ok) return fail(`toot: ${tootAnswer.error}`);
  const toot = parseStatus(tootAnswer.value);
  if (!toot) return fail('toot: the answer is not a Mastodon status');
  if (!isImportable(toot)) return fail(`toot: a ${toot.visibility} status is not imported`);
  if (link.linked_by === 'embed' && !isOwnersToot(settings, link, toot))
    return fail('toot: not by one of MASTODON_ACCOUNTS');
  const contextAnswer = await get(`${link.status_id}/context`);
  if (!contextAnswer.ok) return fail(`context: ${contextAnswer.error}`);
  const context = parseContext(contextAnswer.value);
  if (!context) return fail('context: the answer is not a Mastodon context');

  const existing = await importedStatuses(db, link.thread_id);
  const bySource = new Map(existing.map((row) => [row.source_url, row]));
  // Status ids are the instance's own: only rows fetched from this instance can be parents by id.
  const known = new Map<string, Known>();
  for (const row of existing) {
    if (row.root_id !== null && parseTootUrl(row.toot_url)?.host === link.host)
      known.set(row.status_id, { commentId: row.comment_id, rootId: row.root_id, status: row.status });
  }
  const byId = new Map(context.descendants.map((status) => [status.id, status]));
  const seen = new Set<string>();
  const added: NewMastodonReply[] = [];
  let budget = MAX_CHANGES_PER_FETCH;
  let more = false;
  for (const status of [...context.descendants].sort(byAge)) {
    if (!isImportable(status)) continue; // never shown; one imported before goes in the gone check below
    const sourceUrl = sourceUrlOf(status);
    seen.add(sourceUrl);
    const row = bySource.get(sourceUrl);
    // Unchanged, or removed here (by the owner, or found gone): nothing to write, never imported again.
    if (row && (row.version === versionOf(status) || row.status === 'deleted' || row.status === 'erased'))
      continue;
    if (budget === 0) {
      more = true;
      continue;
    }
    budget -= 1;
    if (row) {
      if (await applyEdit(deps, link, row, status)) {
        result.updated += 1;
        result.changedIds.push(row.comment_id);
      }
      continue;
    }
    const parentId = importedAncestor(status, toot.id, byId, (id) => known.has(id));
    const reply = await newReply(deps, link, status, parentId ? (known.get(parentId) ?? null) : null);
    added.push(reply);
    known.set(status.id, { commentId: reply.id, rootId: reply.rootId, status: reply.status });
  }
  if (added.length) {
    const results = await db.batch(insertRepliesStatements(db, link.thread_id, added));
    const inserted = added.filter((_, i) => (results[i]?.meta.changes ?? 0) > 0);
    result.added = inserted.length;
    result.changedIds.push(...inserted.map((reply) => reply.id));
  }

  // Imported from this toot, no longer in its context: deleted, made private, or past the context's
  // limit. Only the instance can say which; a few are asked each fetch, picked at random so none starves.
  const missing = existing
    .filter(
      (row) => row.toot_url === link.status_url && row.status !== 'deleted' && !seen.has(row.source_url),
    )
    .sort(() => Math.random() - 0.5);
  for (const row of missing.slice(0, Math.min(MAX_GONE_CHECKS, budget))) {
    const answer = await get(row.status_id);
    const status = answer.ok ? parseStatus(answer.value) : null;
    const gone = answer.ok ? status !== null && !isImportable(status) : answer.gone;
    if (gone && (await remove(deps, row.comment_id))) {
      result.removed += 1;
      result.changedIds.push(row.comment_id);
    }
  }

  const counts = { favourites: toot.favourites_count, reblogs: toot.reblogs_count };
  await db.batch(
    fetchedStatements(db, {
      ...outcome,
      ...counts,
      dueAt: more ? outcome.now : addMinutes(now, settings.mastodon.refreshMinutes),
    }),
  );
  const countsMoved = counts.favourites !== link.favourites || counts.reblogs !== link.reblogs;
  return {
    ...result,
    ok: true,
    changed: countsMoved || result.added + result.updated + result.removed > 0,
  };
};
