/**
 * What happens when a reader posts: the page's thread resolved, the rules of API.md checked in order
 * (origin, length, honeypot, idempotency, ban, rate limit, lock, parent), then the spam pipeline
 * (services/spam: rules, filter, … and the moderation mode last), the comment stored atomically with the
 * pipeline's record. A retry with a known clientId returns before the ban and rate checks: it writes nothing.
 * A signed-in reader (issue 13) posts as the account. Past 200 lines: the rules of a post stay in one
 * place, to be read in the order they run.
 *
 * Two D1 round trips in the common case (issue 12): every lookup in one batch (db/post-lookups.ts), whose
 * answers the rules then read in their order, and the insert with its read-back in one more. Turnstile
 * (a network call between the lookups and the write counters) and Akismet's sealed context add one each.
 */
import { nanoid } from 'nanoid';
import { rememberAccountName } from '../../db/account-names.ts';
import { type CommentRef, insertCommentAndRead } from '../../db/comments.ts';
import { readPostLookups } from '../../db/post-lookups.ts';
import { type PublicCommentRow, toComment } from '../../db/rows.ts';
import type { Settings } from '../../env.ts';
import { ApiError, validationFailed } from '../../errors.ts';
import { avatarSeed, decoyAvatar } from '../../lib/avatar-seed.ts';
import { issueEditToken } from '../../lib/crypto.ts';
import { nameKey } from '../../lib/name-key.ts';
import { normalizeUrl } from '../../lib/normalize-url.ts';
import { isReservedName } from '../../lib/reserved-names.ts';
import type { NewCommentInput } from '../../lib/schemas.ts';
import { commentFeatures } from '../../lib/spam/features.ts';
import type { CreatedComment } from '../../types/api.ts';
import { accountAvatar } from '../identity/account.ts';
import { challengeApplies, challengeGate, keepSpamContext } from '../spam/integrations.ts';
import { screen } from '../spam/screen.ts';
import { renderCommentHtml } from './comment-html.ts';
import type { PostContext } from './context.ts';
import { checksOf, decide, withGate } from './decide-status.ts';
import { editDeadline } from './edit-window.ts';
import { lookupRequest } from './lookup-request.ts';
import {
  type Author,
  authorHashes,
  bannedError,
  checkLength,
  countAuthorWrite,
  rateKeys,
  rateLimitedError,
} from './write-guards.ts';

export interface PostResult {
  created: boolean;
  /** The thread the comment belongs to (for invalidating its cached pages). */
  threadKey: string;
  body: CreatedComment;
}

/** Resolves a page to its thread key and normalized URL; refuses URLs that aren't http(s) or aren't ours. */
export const resolvePage = (
  input: { url: string; id?: string | undefined },
  settings: Settings,
  isAllowedOrigin: (origin: string) => boolean,
): { key: string; url: string } => {
  const url = normalizeUrl(input.url, settings.significantQueryParams);
  if (url === null) throw validationFailed([{ field: 'url', message: 'must be an absolute http(s) URL' }]);
  if (!isAllowedOrigin(new URL(url).origin)) {
    throw new ApiError('origin_not_allowed', `pages of ${new URL(url).origin} may not have comments here`);
  }
  return { key: input.id ?? url, url };
};

const isHoneypotFilled = (input: NewCommentInput): boolean =>
  [input.website2, input.hp].some((value) => value !== undefined && value !== null && value !== '');

const respond = async (
  ctx: PostContext,
  row: PublicCommentRow,
  created: boolean,
  threadKey: string,
): Promise<PostResult> => {
  const expires = editDeadline(ctx.settings, row);
  return {
    created,
    threadKey,
    body: {
      comment: toComment(row, ctx.settings.anonymousName),
      editToken: await issueEditToken(ctx.settings.secretKey, row.id, expires),
      editableUntil: new Date(expires * 1000).toISOString(),
    },
  };
};

const visibleParent = (parent: CommentRef | null, threadKey: string): CommentRef => {
  if (!parent || parent.thread_key !== threadKey || parent.status !== 'approved') {
    throw new ApiError('not_found', 'parentId is not a comment of this thread', {
      errors: [{ field: 'parentId', message: 'no such comment in this thread' }],
    });
  }
  return parent;
};

export const postComment = async (ctx: PostContext, input: NewCommentInput): Promise<PostResult> => {
  const page = resolvePage(input, ctx.settings, ctx.isAllowedOrigin);
  const reader = ctx.reader;
  if (!reader && ctx.settings.auth === 'required') {
    throw new ApiError('sign_in_required', 'this site takes comments from signed-in readers only');
  }
  checkLength(input.body, ctx.settings.maxCommentLength);
  // A signed-in author writes under the account's verified name and address; the form's are ignored.
  const guestName = reader ? null : (input.author?.name ?? null);
  if (guestName && isReservedName(guestName, [ctx.settings.moderatorName, ...ctx.settings.reservedNames])) {
    throw validationFailed([{ field: 'author.name', message: 'is reserved on this site' }]);
  }

  const createdAt = ctx.now.toISOString();
  const email = reader ? reader.user.email : (input.author?.email?.toLowerCase() ?? null);
  const name = reader ? reader.user.name : guestName;
  const id = nanoid();
  const html = renderCommentHtml(input.body);

  // A bot filled the hidden field: answer as if the comment were held, store nothing.
  if (isHoneypotFilled(input)) {
    const decoy: PublicCommentRow = {
      seq: 0,
      id,
      parent_id: input.parentId ?? null,
      root_id: id,
      status: 'pending',
      pinned: 0,
      likes: 0,
      html,
      author_name: name,
      author_website: input.author?.website ?? null,
      // Random: never derived from the address typed (v1's keyed e-mail hash answered "is this a commenter?").
      avatar: decoyAvatar(),
      moderator: 0,
      author_provider: null,
      created_at: createdAt,
      edited_at: null,
      kind: 'comment',
      source_url: null,
      source_type: null,
    };
    return respond(ctx, decoy, true, page.key);
  }

  const { ipHash, readerHash } = await authorHashes(ctx, input.reader);
  const author: Author = { email, ipHash, readerHash };
  const features = ctx.settings.spam.filter
    ? commentFeatures({ html, authorName: name, authorWebsite: input.author?.website ?? null })
    : null;
  const keys = rateKeys(ctx, author);
  // The counters ride in the lookup batch unless Turnstile must answer first (a refused token counts no
  // write) or the account is banned (refused before it counts).
  const countsInBatch = keys.length > 0 && !challengeApplies(ctx) && !reader?.user.banned_at;
  const found = await readPostLookups(
    ctx.db,
    lookupRequest(ctx, input, { page, author, guestName, features, keys: countsInBatch ? keys : [] }),
  );

  if (found.earlier) return respond(ctx, found.earlier, false, found.earlier.thread_key);
  // A guest may not take the name of a signed-in account (exact match once folded: migration 0014).
  if (found.accountNameTaken) {
    throw validationFailed([
      { field: 'author.name', message: 'is reserved on this site: an account uses it' },
    ]);
  }
  // Turnstile (issue 14), before anything is stored; a retry that found its comment above needs no token.
  const challenge = await challengeGate(ctx, input);
  // A banned account (users.banned_at): its sessions were revoked, this catches one made since.
  if (reader?.user.banned_at || found.banned) throw bannedError();
  if (found.retryAfter !== null) throw rateLimitedError(found.retryAfter);
  if (!countsInBatch) await countAuthorWrite(ctx, keys);

  if (found.thread?.locked) throw new ApiError('thread_locked', 'this thread no longer takes comments');
  const parent = input.parentId ? visibleParent(found.parent, page.key) : null;

  const screened = await screen(
    checksOf(ctx, found.model),
    ctx.settings,
    {
      body: input.body,
      html,
      authorName: name,
      authorEmail: email,
      authorWebsite: input.author?.website ?? null,
      pageUrl: page.url,
      ip: ctx.ip,
      userAgent: ctx.userAgent ?? null,
      referrer: ctx.referrer ?? null,
      signedIn: reader !== null,
      edit: false,
    },
    features,
  );
  const screening = withGate(screened, challenge);
  const { status, record } = await decide(ctx, screening, email, readerHash, found.trusted);
  // The account's name is taken from now on (a guest may not use it); in the comment's own transaction.
  const remembered = reader
    ? [
        rememberAccountName(ctx.db, {
          nameKey: nameKey(reader.user.name),
          userId: reader.user.id,
          now: createdAt,
        }),
      ]
    : [];
  const { inserted, stored } = await insertCommentAndRead(
    ctx.db,
    {
      id,
      thread: { key: page.key, url: page.url, title: input.title ?? '' },
      parentId: parent?.id ?? null,
      rootId: parent?.root_id ?? id,
      tree: parent ? { no: parent.tree_no, pinned: parent.tree_pinned } : null,
      status,
      spam: record,
      body: input.body,
      html,
      authorName: name,
      authorEmail: email,
      authorWebsite: input.author?.website ?? null,
      // Keyed and never the e-mail alone (AVATAR_SEED): no one can confirm an address by its avatar. An
      // account has one avatar everywhere (GET /me says it), since its name is the same everywhere too.
      avatar: reader
        ? await accountAvatar(ctx.settings.secretKey, reader.user.id)
        : await avatarSeed(ctx.settings.secretKey, ctx.settings.avatarSeed, {
            commentId: id,
            threadKey: page.key,
            readerHash,
            email,
            name,
          }),
      userId: reader?.user.id ?? null,
      authorProvider: reader?.provider ?? null,
      ipHash,
      readerHash,
      clientId: input.clientId ?? null,
      notify: input.notify ?? false,
      createdAt,
    },
    remembered,
  );

  if (inserted) {
    const context = { ip: ctx.ip, userAgent: ctx.userAgent ?? null, referrer: ctx.referrer ?? null };
    await keepSpamContext(ctx.db, ctx.settings, id, context, ctx.now);
  }

  // Not inserted: a concurrent retry with the same clientId won the race; the read-back found its comment.
  if (!stored) throw new ApiError('storage_unavailable', 'the comment could not be read back; try again');
  return respond(ctx, stored, inserted, stored.thread_key);
};
