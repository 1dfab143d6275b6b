/**
 * A reader's edit of their own comment (PATCH /comments/:id), once the edit token is checked: the length
 * and write limit as for a new comment, then the spam pipeline again — an edit is the classic way to slip
 * a link in after approval. A held or rejected edit leaves the listing; one with replies is refused
 * instead (422), since holding it would orphan them.
 */
import { type EditableRow, findEditable, updateBody } from '../../db/edits.ts';
import { ApiError } from '../../errors.ts';
import { screen, toRecord } from '../spam/screen.ts';
import { renderCommentHtml } from './comment-html.ts';
import type { PostContext } from './context.ts';
import { checksOf } from './decide-status.ts';
import { authorHashes, checkAuthor, checkLength } from './write-guards.ts';

export const editComment = async (ctx: PostContext, row: EditableRow, body: string): Promise<EditableRow> => {
  checkLength(body, ctx.settings.maxCommentLength);
  // Edits count against the write limit like new comments (a token is no licence to flood).
  await checkAuthor(ctx, { email: null, ...(await authorHashes(ctx, undefined)) });
  const html = renderCommentHtml(body);
  const screening = await screen(checksOf(ctx), ctx.settings, {
    body,
    html,
    authorName: row.author_name,
    authorEmail: null,
    authorWebsite: row.author_website,
    pageUrl: row.thread_url ?? row.thread_key,
    ip: ctx.ip,
    userAgent: ctx.userAgent ?? null,
    referrer: ctx.referrer ?? null,
    signedIn: ctx.reader !== null,
    edit: true,
  });
  if (screening.verdict !== 'pass' && row.reply_count > 0) {
    const byRules = screening.reasons.some((r) => r.check === 'rules' && r.verdict !== 'pass');
    // Holding it would orphan its replies; say why instead of publishing what the checks would hold.
    throw new ApiError(
      'validation_failed',
      byRules ? 'body has too many links or a blocked word' : 'body was held by the spam checks',
      {
        errors: [
          {
            field: 'body',
            message: byRules
              ? 'has too many links or a word this site holds for moderation'
              : 'would be held for moderation, and this comment has replies',
          },
        ],
      },
    );
  }
  await updateBody(ctx.db, row, {
    body,
    html,
    editedAt: ctx.now.toISOString(),
    heldAs: screening.verdict === 'reject' ? 'spam' : screening.verdict === 'hold' ? 'pending' : null,
    spam: toRecord(screening, null, screening.verdict),
  });
  const updated = await findEditable(ctx.db, row.id);
  if (!updated) throw new ApiError('not_found', 'no such comment');
  return updated;
};
