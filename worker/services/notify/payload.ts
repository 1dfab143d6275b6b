/**
 * The webhook's body in each WEBHOOK_FORMAT: `json` (the full event, for your own code), `slack` (an
 * incoming-webhook `{ text }`) and `discord` (`{ content }` with mentions disabled). No e-mail address or
 * IP hash is ever in it: Slack and Discord are third parties.
 */
import type { WebhookFormat } from '../../env.ts';

export interface CommentEvent {
  event: 'comment.created' | 'comment.held';
  /** One id per event, the same on every retry: receivers can drop duplicates. */
  deliveryId: string;
  comment: {
    id: string;
    parentId: string | null;
    status: 'approved' | 'pending';
    author: { name: string; website: string | null };
    /** The Markdown as typed. */
    body: string;
    html: string;
    createdAt: string;
  };
  thread: { key: string; url: string; title: string };
  /** Where the owner moderates it. */
  adminUrl: string;
  /**
   * A held comment's one-click links (lib/moderation-link.ts): each opens a confirmation page whose
   * button acts; signed, single-use (the three share one use), valid 7 days. Absent on published comments.
   */
  actions?: ModerationActions;
}

export interface ModerationActions {
  approve: string;
  spam: string;
  delete: string;
}

const EXCERPT = 500;

const excerpt = (text: string): string => {
  const chars = [...text.trim()];
  return chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('')}…` : chars.join('');
};

const headline = (e: CommentEvent): string =>
  e.event === 'comment.held' ? 'Comment held for moderation' : 'New comment';

// Slack's mrkdwn treats &, < and > as control characters (https://api.slack.com/reference/surfaces/formatting).
const slackEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const slack = (e: CommentEvent) => {
  const title = slackEscape(e.thread.title || e.thread.url);
  const quote = slackEscape(excerpt(e.comment.body)).replace(/^/gm, '> ');
  const actions = e.actions
    ? ` · <${e.actions.approve}|Approve> · <${e.actions.spam}|Spam> · <${e.actions.delete}|Delete>`
    : '';
  return {
    text: `*${headline(e)}* by ${slackEscape(e.comment.author.name)} on <${e.thread.url}|${title}>\n${quote}\n<${e.adminUrl}|Moderate>${actions}`,
  };
};

// Discord caps `content` at 2,000 characters; `allowed_mentions` keeps a comment from pinging @everyone.
// The one-click links (~250 characters each) come out of the quote's share, never out of the links.
const discord = (e: CommentEvent) => {
  const actions = e.actions
    ? `\nApprove: <${e.actions.approve}>\nSpam: <${e.actions.spam}>\nDelete: <${e.actions.delete}>`
    : '';
  return {
    content: `**${headline(e)}** by ${e.comment.author.name} on ${e.thread.title || e.thread.url}\n${e.thread.url}\n${excerpt(
      e.comment.body,
    )
      .replace(/^/gm, '> ')
      .slice(0, 1_600 - actions.length)}\nModerate: ${e.adminUrl}${actions}`,
    allowed_mentions: { parse: [] },
  };
};

/** The body to POST for this format. */
export const webhookBody = (e: CommentEvent, format: WebhookFormat): string =>
  JSON.stringify(format === 'slack' ? slack(e) : format === 'discord' ? discord(e) : e);
