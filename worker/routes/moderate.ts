/**
 * GET|POST /api/v1/moderate?c=&a=&e=&n=&sig=: the one-click moderation links of the owner's notifications
 * (lib/moderation-link.ts). GET only shows what the link would do, with a button: mail scanners, chat
 * unfurlers and link previews follow links and must never act. The button POSTs the same URL (a form, so
 * mounted outside the JSON-only reader API, like /confirm), which acts once (services/moderation/
 * link-action.ts). The API's headers apply: `default-src 'none'` (no script, no style, no image),
 * `form-action 'self'`, `frame-ancestors 'none'`, `Referrer-Policy: no-referrer` (the signed URL never
 * leaks to another site); and `no-store`, `noindex` here. A forged, expired or spent link is a 4xx: an
 * HTML page for a browser, problem+json otherwise.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { ApiError, problemBody } from '../errors.ts';
import { escapeHtml } from '../lib/mail-html.ts';
import { checkModerationLink, type LinkAction } from '../lib/moderation-link.ts';
import * as z from '../lib/zod.ts';
import { validate } from '../middleware/validate.ts';
import { liveComments } from '../services/live/notify.ts';
import { actOnLink, linkState } from '../services/moderation/link-action.ts';
import { scheduleNotify } from '../services/notify/index.ts';
import { purgeThreads } from '../services/pages/edge-cache.ts';
import { scheduleAkismetFeedback } from '../services/spam/akismet-feedback.ts';
import type { ErrorCode } from '../types/api.ts';

const querySchema = z.object({
  c: z.string().check(z.minLength(1), z.maxLength(64)),
  a: z.string().check(z.minLength(1), z.maxLength(16)),
  e: z.string().check(z.minLength(1), z.maxLength(20)),
  n: z.string().check(z.minLength(1), z.maxLength(64)),
  sig: z.string().check(z.minLength(1), z.maxLength(128)),
});

const HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

const QUESTION: Record<LinkAction, [title: string, button: string, done: string]> = {
  approve: ['Approve this comment?', 'Approve', 'The comment is approved.'],
  spam: ['Mark this comment as spam?', 'Mark as spam', 'The comment is marked as spam.'],
  delete: ['Delete this comment for good?', 'Delete', 'The comment is deleted.'],
};

const PREVIEW_CHARS = 500;

const page = (title: string, body: string) => `<!doctype html><meta charset="utf-8">
<meta name="viewport" content="width=device-width"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1>${body}`;

const preview = (text: string): string => {
  const chars = [...text.trim()];
  return chars.length > PREVIEW_CHARS ? `${chars.slice(0, PREVIEW_CHARS).join('')}…` : chars.join('');
};

/** A refusal: a small page for a browser (the owner clicked a link), problem+json for anything else. */
const refuse = (c: Context<AppEnv>, code: ErrorCode, detail: string): Response => {
  if (!c.req.header('Accept')?.includes('text/html')) throw new ApiError(code, detail);
  const body = problemBody(code, detail);
  return c.html(page(body.title, `<p>${escapeHtml(detail)}</p>`), body.status as 403 | 404, HEADERS);
};

export const moderate = new Hono<AppEnv>().on(
  ['GET', 'POST'],
  '/',
  validate('query', querySchema),
  async (c) => {
    const now = new Date();
    const check = await checkModerationLink(
      c.get('settings').secretKey,
      c.req.valid('query'),
      Math.floor(now.getTime() / 1000),
    );
    if (check.kind === 'invalid') return refuse(c, 'forbidden', 'this moderation link is not valid');
    if (check.kind === 'expired') return refuse(c, 'forbidden', 'this moderation link has expired');
    const [title, button, done] = QUESTION[check.action];
    const db = c.env.DB;
    if (c.req.method === 'GET') {
      const state = await linkState(db, check);
      if (state.kind === 'spent') return refuse(c, 'forbidden', 'this moderation link was already used');
      if (state.kind === 'gone') return refuse(c, 'not_found', 'this comment no longer exists');
      const { row } = state;
      const author = row.author_name || c.get('settings').anonymousName;
      return c.html(
        page(
          title,
          `<p>${escapeHtml(author)} on <a href="${escapeHtml(row.thread_url)}">${escapeHtml(row.thread_title || row.thread_url)}</a> (now ${escapeHtml(row.status)}):</p>
<blockquote>${escapeHtml(preview(row.body))}</blockquote>
<form method="post"><button type="submit">${escapeHtml(button)}</button></form>`,
        ),
        200,
        HEADERS,
      );
    }
    const outcome = await actOnLink(db, check, now);
    if (outcome.kind === 'spent') return refuse(c, 'forbidden', 'this moderation link was already used');
    if (outcome.kind === 'gone') return refuse(c, 'not_found', 'this comment no longer exists');
    purgeThreads(c, [outcome.threadKey]);
    liveComments(c, [{ id: check.commentId, threadKey: outcome.threadKey }]);
    if (outcome.decision) {
      if (outcome.decision.to === 'approved') scheduleNotify(c, check.commentId, { owner: false });
      scheduleAkismetFeedback(c, [outcome.decision]);
    }
    return c.html(
      page(done, `<p><a href="${escapeHtml(new URL(c.req.url).origin)}/admin/">Open the admin page</a></p>`),
      200,
      HEADERS,
    );
  },
);
