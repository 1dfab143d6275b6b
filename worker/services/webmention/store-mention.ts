/**
 * A verified mention becomes a comment of kind `webmention` in its target's thread, through the same spam
 * pipeline and moderation mode as a reader's comment (services/posting/decide-status.ts); a source sent
 * again updates the comment it made; a source gone or no longer linking deletes it (W3C Webmention §3.2.4).
 */
import { nanoid } from 'nanoid';
import { findEditable } from '../../db/edits.ts';
import {
  findMentionCommentId,
  insertMentionComment,
  updateMentionComment,
} from '../../db/mention-comments.ts';
import { findThread } from '../../db/threads.ts';
import type { Settings } from '../../env.ts';
import { keyedHash } from '../../lib/crypto.ts';
import type { ParsedMention } from '../../lib/webmention/h-entry.ts';
import { changeComment } from '../moderation/moderate.ts';
import type { PostContext } from '../posting/context.ts';
import { checksOf, decide } from '../posting/decide-status.ts';
import { screen } from '../spam/screen.ts';
import { mentionBody } from './mention-body.ts';

/** Who the audit log names for what the verifier did to a comment. */
export const WEBMENTION_ACTOR = 'webmention';

export interface MentionDeps {
  db: D1Database;
  settings: Settings;
  now: Date;
  fetcher: typeof fetch;
}

export interface VerifiedMention {
  source: string;
  target: string;
  threadKey: string;
  parsed: ParsedMention;
}

export type StoreOutcome = { stored: true; commentId: string } | { stored: false; reason: 'thread_locked' };

const displayName = (mention: ParsedMention, source: string): string =>
  (mention.authorName ?? '').slice(0, 200) || new URL(mention.authorUrl ?? source).hostname;

/** A generated avatar per author (their URL, else name), keyed: no third-party image is ever loaded. */
const avatarOf = (settings: Settings, mention: ParsedMention, source: string): Promise<string> =>
  keyedHash(settings.secretKey, 'avatar:webmention', mention.authorUrl ?? mention.authorName ?? source, 16);

/** The status the pipeline and the owner's mode give: a mention has no e-mail and no reader id. */
const screenMention = async (
  deps: MentionDeps,
  pageUrl: string,
  fields: { body: string; html: string; authorName: string; authorWebsite: string | null },
) => {
  const ctx: PostContext = {
    db: deps.db,
    settings: deps.settings,
    ip: null,
    isAllowedOrigin: () => true,
    now: deps.now,
    reader: null,
    fetcher: deps.fetcher,
  };
  const screening = await screen(checksOf(ctx), deps.settings, {
    ...fields,
    authorEmail: null,
    pageUrl,
    ip: null,
    userAgent: null,
    referrer: null,
    signedIn: false,
    edit: false,
  });
  return decide(ctx, screening, null, null);
};

/** Deletes what a source made in a thread (a deleted comment stays deleted). @returns its id, if any. */
export const removeMention = async (
  deps: Pick<MentionDeps, 'db'>,
  threadKey: string,
  source: string,
): Promise<string | null> => {
  const id = await findMentionCommentId(deps.db, threadKey, source);
  const row = id ? await findEditable(deps.db, id) : null;
  if (row && row.status !== 'deleted') {
    await changeComment(deps.db, row, { status: 'deleted' }, WEBMENTION_ACTOR);
  }
  return id;
};

export const storeMention = async (deps: MentionDeps, mention: VerifiedMention): Promise<StoreOutcome> => {
  const thread = await findThread(deps.db, mention.threadKey);
  if (thread?.locked) return { stored: false, reason: 'thread_locked' };
  const { parsed, source } = mention;
  const { body, html } = mentionBody(parsed, source, deps.settings.maxCommentLength);
  const authorName = displayName(parsed, source);
  const authorWebsite = parsed.authorUrl ?? new URL(source).origin;
  const fields = { body, html, authorName, authorWebsite };
  const pageUrl = thread?.url ?? mention.target;
  const now = deps.now.toISOString();

  const existingId = await findMentionCommentId(deps.db, mention.threadKey, source);
  if (existingId) {
    const change = { sourceType: parsed.type, body, html, authorName, authorWebsite, editedAt: now };
    await updateMentionComment(deps.db, mention.threadKey, existingId, change);
    // Deleted before (the source was gone, or stopped linking) and back: judged again like a new one.
    const row = await findEditable(deps.db, existingId);
    if (row?.status === 'deleted') {
      const { status } = await screenMention(deps, pageUrl, fields);
      await changeComment(deps.db, row, { status }, WEBMENTION_ACTOR);
    }
    return { stored: true, commentId: existingId };
  }

  const { status, record } = await screenMention(deps, pageUrl, fields);
  const id = nanoid();
  const inserted = await insertMentionComment(deps.db, {
    id,
    thread: { key: mention.threadKey, url: pageUrl, title: '' },
    kind: 'webmention',
    sourceUrl: source,
    sourceType: parsed.type,
    status,
    spam: record,
    body,
    html,
    authorName,
    authorWebsite,
    avatar: await avatarOf(deps.settings, parsed, source),
    // The source's own date when it gave one that is not in the future; else when it was verified.
    createdAt: parsed.published && parsed.published <= now ? parsed.published : now,
  });
  if (inserted) return { stored: true, commentId: id };
  // A concurrent attempt stored it first: that one is the comment.
  const winner = await findMentionCommentId(deps.db, mention.threadKey, source);
  if (!winner) throw new Error('the mention was neither inserted nor found');
  return { stored: true, commentId: winner };
};
