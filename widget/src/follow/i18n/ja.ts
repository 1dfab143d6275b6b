/** The follow part's strings: 日本語。 */
import type { FollowMessages } from './en.ts';

export const followMessages: FollowMessages = {
  _feed: 'コメントのフィード (Atom)',
  _feedTitle: 'コメント: {title}',
  _follow: 'このスレッドをフォロー',
  _email: 'メールアドレス',
  _following: 'このスレッドをフォローしています。新しいコメントをメールでお知らせします。',
  _confirm: '受信トレイを確認し、アドレスを確認するとこのスレッドをフォローできます。',
  _unfollow: 'フォローをやめる',
  _stopped: 'このスレッドのフォローをやめました。',
  _failed: 'うまくいきませんでした。もう一度お試しください。',
};
