/**
 * Telegram as a notification target: the Bot API's sendMessage
 * (https://core.telegram.org/bots/api#sendmessage) to TELEGRAM_CHAT_ID, delivered like the webhook
 * (deliver.ts: retries, timeout, after the response). Plain text (no `parse_mode`: nothing a commenter
 * typed can become markup), link previews off, and for a held comment an inline keyboard of URL buttons
 * (https://core.telegram.org/bots/api#inlinekeyboardbutton) to the one-click links' confirmation pages.
 * Like Slack and Discord, Telegram is a third party: no e-mail address or IP hash goes there.
 */
import type { TelegramSettings } from '../../lib/integration-settings.ts';
import { type DeliveryResult, deliver, type RetryPolicy } from './deliver.ts';
import type { CommentEvent } from './payload.ts';

/** sendMessage's limit is 4,096 characters of text; the quote gives way first. */
const TEXT_LIMIT = 4_096;
const QUOTE_LIMIT = 1_500;

const clip = (text: string, max: number): string => {
  const chars = [...text.trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
};

export interface TelegramMessage {
  chat_id: string;
  text: string;
  link_preview_options: { is_disabled: boolean };
  reply_markup?: { inline_keyboard: Array<Array<{ text: string; url: string }>> };
}

/** The sendMessage body for one event. */
export const telegramMessage = (chatId: string, e: CommentEvent): TelegramMessage => {
  const headline = e.event === 'comment.held' ? 'Comment held for moderation' : 'New comment';
  const text = clip(
    [
      `${headline} by ${e.comment.author.name} on ${e.thread.title || e.thread.url}`,
      e.thread.url,
      '',
      clip(e.comment.body, QUOTE_LIMIT),
      '',
      `Moderate: ${e.adminUrl}`,
    ].join('\n'),
    TEXT_LIMIT - 1,
  );
  const message: TelegramMessage = { chat_id: chatId, text, link_preview_options: { is_disabled: true } };
  if (e.actions) {
    message.reply_markup = {
      inline_keyboard: [
        [
          { text: 'Approve', url: e.actions.approve },
          { text: 'Spam', url: e.actions.spam },
          { text: 'Delete', url: e.actions.delete },
        ],
      ],
    };
  }
  return message;
};

/**
 * Sends the event to the owner's chat; the Bot API answers `{ ok: true, result }` or an HTTP error.
 * @example await sendTelegram(settings.telegram, e, fetch, DEFAULT_RETRY)
 */
export const sendTelegram = (
  settings: TelegramSettings,
  e: CommentEvent,
  fetcher: typeof fetch,
  retry: RetryPolicy,
): Promise<DeliveryResult> => {
  const body = JSON.stringify(telegramMessage(settings.chatId, e));
  const url = `${settings.apiUrl}/bot${settings.botToken}/sendMessage`;
  return deliver(
    (signal) =>
      fetcher(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal }),
    retry,
  );
};
