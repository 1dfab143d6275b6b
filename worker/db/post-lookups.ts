/**
 * Everything a new comment must know before it is screened and stored, in ONE round trip (issue 12): the
 * earlier comment of its idempotency key, the account that owns the guest's name, a ban in force, the
 * write counters, the thread and the parent, the spam filter's counts, and first-time trust. Locally each
 * D1 round trip costs about 1 ms of the worker's CPU, and on Cloudflare a network hop to the database, so
 * the lookups that used to run one after the other run as one db.batch. A batch is one transaction, its
 * statements in order (https://developers.cloudflare.com/d1/worker-api/d1-database/#batch).
 *
 * The counters are the one write here. services/posting answers a retry, a guest taking an account's name
 * and a banned author BEFORE the write counts (API.md "Rules for POST /comments"), so each counter's upsert
 * repeats those three conditions: in the same transaction, it counts exactly when the lookups above it
 * let the write go on.
 */

import type { RateLimit } from '../env.ts';
import { accountNameMatch, accountNameStatement } from './account-names.ts';
import { approvedAccountCommentStatement } from './accounts.ts';
import { type BanSubject, banMatch, banParams, banStatement } from './bans.ts';
import {
  approvedCommentStatement,
  type CommentRef,
  clientIdMatch,
  findCommentByClientIdStatement,
  findCommentStatement,
} from './comments.ts';
import { countWriteStatements, retryAfterOf } from './rate-limit.ts';
import type { ThreadRow } from './rows.ts';
import { readModelStatements, type SpamModel, toModel } from './spam-model.ts';
import { findThreadStatement } from './threads.ts';

export interface PostLookupRequest {
  /** The idempotency key of the post, if it has one. */
  clientId: string | null;
  /** The folded name a guest posts under (lib/name-key.ts); `null` for a signed-in author or no name. */
  guestNameKey: string | null;
  /** Who writes, as bans match them. */
  author: BanSubject;
  nowIso: string;
  threadKey: string;
  parentId: string | null;
  /** The counters to move (keys, the owner's limit, the time); `null` to leave them to the caller. */
  rate: { keys: readonly string[]; limit: RateLimit; nowSeconds: number } | null;
  /** The features whose counts the learning filter will read; `null` when it will not run. */
  features: readonly string[] | null;
  /** First-time moderation's question: an approved comment of this account, or this e-mail and reader. */
  trust: { userId: string } | { email: string; readerHash: string } | null;
}

export interface PostLookups {
  earlier: CommentRef | null;
  accountNameTaken: boolean;
  banned: boolean;
  /** `null` within the limit (or not counted here), else the `Retry-After` in seconds. */
  retryAfter: number | null;
  thread: ThreadRow | null;
  parent: CommentRef | null;
  model: SpamModel | null;
  /** `null` when not asked. */
  trusted: boolean | null;
}

type Results = readonly D1Result<unknown>[];

const firstRow = <T>(result: D1Result<unknown> | undefined): T | null =>
  (result?.results[0] as T | undefined) ?? null;

/**
 * The guard of each counter's upsert (parameters from ?3, after the counter's key and period): no earlier
 * comment of this clientId, no account under this name, no ban in force. A NULL parameter matches nothing.
 */
const countGuard = (request: PostLookupRequest) => ({
  sql: `NOT EXISTS (${clientIdMatch(3)}) AND NOT EXISTS (${accountNameMatch(4)}) AND NOT EXISTS (${banMatch(5)})`,
  params: [request.clientId, request.guestNameKey, ...banParams(request.author, request.nowIso)],
});

/** Runs every lookup of a post in one batch and reads each answer from its statement's result. */
export const readPostLookups = async (db: D1Database, request: PostLookupRequest): Promise<PostLookups> => {
  const statements: D1PreparedStatement[] = [];
  /** Adds statements; answers a function that reads their results once the batch ran. */
  const add = <T>(added: D1PreparedStatement[], read: (results: Results) => T): ((all: Results) => T) => {
    const start = statements.length;
    statements.push(...added);
    return (all) => read(all.slice(start, start + added.length));
  };
  const none = <T>(value: T) => add([], () => value);

  const earlier = request.clientId
    ? add([findCommentByClientIdStatement(db, request.clientId)], ([r]) => firstRow<CommentRef>(r))
    : none(null);
  const accountNameTaken = request.guestNameKey
    ? add([accountNameStatement(db, request.guestNameKey)], ([r]) => firstRow(r) !== null)
    : none(false);
  const banned = add([banStatement(db, request.author, request.nowIso)], ([r]) => firstRow(r) !== null);
  const rate = request.rate;
  const retryAfter = rate
    ? add(countWriteStatements(db, rate.keys, rate.limit, rate.nowSeconds, countGuard(request)), (results) =>
        retryAfterOf(results, rate.limit, rate.nowSeconds),
      )
    : none(null);
  const thread = add([findThreadStatement(db, request.threadKey)], ([r]) => firstRow<ThreadRow>(r));
  const parent = request.parentId
    ? add([findCommentStatement(db, request.parentId)], ([r]) => firstRow<CommentRef>(r))
    : none(null);
  const model = request.features
    ? add(readModelStatements(db, request.features), ([tokens, classes]) => toModel(tokens, classes))
    : none(null);
  const trust = request.trust;
  const trusted = trust
    ? add(
        [
          'userId' in trust
            ? approvedAccountCommentStatement(db, trust.userId)
            : approvedCommentStatement(db, trust.email, trust.readerHash),
        ],
        ([r]) => firstRow(r) !== null,
      )
    : none(null);

  const results = await db.batch<unknown>(statements);
  return {
    earlier: earlier(results),
    accountNameTaken: accountNameTaken(results),
    banned: banned(results),
    retryAfter: retryAfter(results),
    thread: thread(results),
    parent: parent(results),
    model: model(results),
    trusted: trusted(results),
  };
};
