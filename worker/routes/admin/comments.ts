/**
 * /api/v1/admin/comments: the moderation queue, one comment's status, pin and body, hard deletes, bulk
 * actions, and the owner's own replies (`author.moderator: true`).
 */
import { Hono } from 'hono';
import { nanoid } from 'nanoid';
import { countByStatus, findAdminComment, listQueue } from '../../db/admin-comments.ts';
import { findComment, insertComment } from '../../db/comments.ts';
import { type EditableRow, findEditable } from '../../db/edits.ts';
import { findThread } from '../../db/threads.ts';
import type { AppEnv } from '../../env.ts';
import { ApiError, validationFailed } from '../../errors.ts';
import { keyedHash } from '../../lib/crypto.ts';
import { normalizeUrl } from '../../lib/normalize-url.ts';
import { validate } from '../../middleware/validate.ts';
import { liveComments, liveEvents } from '../../services/live/notify.ts';
import { auditFor, bulkModerate, changeComment, eraseComment } from '../../services/moderation/moderate.ts';
import { scheduleNotify } from '../../services/notify/index.ts';
import { purgeThreads } from '../../services/pages/edge-cache.ts';
import { renderCommentHtml } from '../../services/posting/comment-html.ts';
import { checkLength } from '../../services/posting/write-guards.ts';
import { scheduleAkismetFeedback } from '../../services/spam/akismet-feedback.ts';
import { bulkSchema, commentPatchSchema, moderatorReplySchema, queueQuerySchema } from './schemas.ts';
import { page, toAdminComment } from './shapes.ts';

const editable = async (db: D1Database, id: string): Promise<EditableRow> => {
  const row = await findEditable(db, id);
  if (!row) throw new ApiError('not_found', 'no such comment');
  return row;
};

export const adminComments = new Hono<AppEnv>()
  .get('/', validate('query', queueQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const settings = c.get('settings');
    // A page goes by its normalized URL, or by the explicit id it gave (kept as given).
    const url = query.url === undefined ? null : normalizeUrl(query.url, settings.significantQueryParams);
    const rows = await listQueue(c.env.DB, {
      status: query.status === 'all' ? null : query.status,
      threadKeys: query.url === undefined ? null : [url ?? query.url, query.url as string],
      q: query.q ?? null,
      before: query.cursor,
      limit: query.limit + 1,
    });
    const { items, nextCursor } = page(rows, query.limit, (row) => row.seq);
    return c.json({ comments: items.map((row) => toAdminComment(row, settings.anonymousName)), nextCursor });
  })
  .get('/counts', async (c) => c.json({ counts: await countByStatus(c.env.DB) }))
  .post('/', validate('json', moderatorReplySchema), async (c) => {
    const input = c.req.valid('json');
    const settings = c.get('settings');
    checkLength(input.body, settings.maxCommentLength);
    const parent = input.parentId ? await findComment(c.env.DB, input.parentId as string) : null;
    if (input.parentId && parent?.status !== 'approved') {
      throw validationFailed([{ field: 'parentId', message: 'must be an approved comment' }]);
    }
    const key = parent?.thread_key ?? (input.threadKey as string);
    const thread = await findThread(c.env.DB, key);
    if (!thread)
      throw new ApiError('not_found', 'no such thread', {
        errors: [{ field: 'threadKey', message: 'no such thread' }],
      });
    const id = nanoid();
    const name = input.name ?? settings.moderatorName;
    // The owner may answer in a locked thread: the lock keeps readers out, not the moderator.
    await insertComment(c.env.DB, {
      id,
      thread: { key, url: thread.url, title: thread.title },
      parentId: parent?.id ?? null,
      rootId: parent?.root_id ?? id,
      tree: parent ? { no: parent.tree_no, pinned: parent.tree_pinned } : null,
      status: 'approved',
      body: input.body,
      html: renderCommentHtml(input.body),
      authorName: name,
      authorEmail: null,
      authorWebsite: null,
      avatar: await keyedHash(settings.secretKey, 'avatar', `moderator:${name}`, 16),
      ipHash: null,
      readerHash: null,
      clientId: null,
      notify: false,
      createdAt: new Date().toISOString(),
      moderator: true,
    });
    const row = await editable(c.env.DB, id);
    await c.env.DB.batch([
      auditFor(c.env.DB, row, { action: 'comment.reply', detail: {} }, c.get('staff').actor),
    ]);
    purgeThreads(c, [key]);
    liveComments(c, [{ id, threadKey: key }]);
    // The reader who asked to hear of replies hears of the owner's; the owner needs no alert of their own.
    scheduleNotify(c, id, { owner: false });
    const stored = await findAdminComment(c.env.DB, id);
    if (!stored) throw new ApiError('storage_unavailable', 'the reply could not be read back; try again');
    return c.json({ comment: toAdminComment(stored, settings.anonymousName) }, 201);
  })
  .post('/bulk', validate('json', bulkSchema), async (c) => {
    const { ids, action } = c.req.valid('json');
    const result = await bulkModerate(c.env.DB, ids, action, c.get('staff').actor, c.get('settings').spam);
    for (const id of result.approved) scheduleNotify(c, id, { owner: false });
    scheduleAkismetFeedback(c, result.decisions);
    purgeThreads(c, result.threadKeys);
    liveComments(c, result.changed);
    return c.json({ updated: result.updated });
  })
  .patch('/:id', validate('json', commentPatchSchema), async (c) => {
    const input = c.req.valid('json');
    const settings = c.get('settings');
    const db = c.env.DB;
    const row = await editable(db, c.req.param('id'));
    if (input.pinned !== undefined && row.parent_id !== null) {
      throw validationFailed([{ field: 'pinned', message: 'only a root comment can be pinned' }]);
    }
    if (input.body !== undefined && row.status === 'deleted' && row.reply_count > 0) {
      // Erased placeholders have no text to edit, and writing some would bring a deleted comment back.
      throw validationFailed([{ field: 'body', message: 'a deleted comment cannot be edited' }]);
    }
    if (input.body !== undefined) checkLength(input.body, settings.maxCommentLength);
    const change = {
      ...(input.body === undefined
        ? {}
        : {
            body: {
              body: input.body,
              html: renderCommentHtml(input.body),
              editedAt: new Date().toISOString(),
            },
          }),
      ...(input.status === undefined ? {} : { status: input.status }),
      ...(input.pinned === undefined ? {} : { pinned: input.pinned }),
    };
    await changeComment(db, row, change, c.get('staff').actor, settings.spam);
    purgeThreads(c, [row.thread_key]);
    liveComments(c, [{ id: row.id, threadKey: row.thread_key }]);
    if (input.status === 'approved' && row.status !== 'approved') scheduleNotify(c, row.id, { owner: false });
    if (input.status !== undefined && input.status !== row.status) {
      scheduleAkismetFeedback(c, [{ commentId: row.id, from: row.status, to: input.status }]);
    }
    const updated = await findAdminComment(db, row.id);
    if (!updated) throw new ApiError('not_found', 'no such comment');
    return c.json({ comment: toAdminComment(updated, settings.anonymousName) });
  })
  .delete('/:id', async (c) => {
    const db = c.env.DB;
    const row = await editable(db, c.req.param('id'));
    await eraseComment(db, row, c.get('staff').actor);
    purgeThreads(c, [row.thread_key]);
    liveEvents(c, row.thread_key, [{ type: 'remove', id: row.id }]);
    return c.body(null, 204);
  });
