/**
 * The entry of causerie-openweb.<lang>.js (issue 18): how comments from the open web show, loaded only on
 * a page that has some (lazy.tsx `OpenWeb`): the source mark of a Webmention or Mastodon reply, and likes
 * and reposts as compact faces. It borrows the app's Preact, like the extras (vite.config.ts).
 */
import type { Comment } from '../../worker/types/api.ts';
import type { Translator } from './i18n/index.ts';
import { _register } from './lazy.tsx';
import { _Mark } from './open-web/mark.tsx';

/** What a comment's header gives the part: the comment to mark. */
export interface OpenWebProps {
  t: Translator;
  comment: Comment;
}

const _View = _Mark;

const part = { _View };
export type OpenWebPart = typeof part;

_register('openweb', part);
