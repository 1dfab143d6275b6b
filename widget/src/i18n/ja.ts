/**
 * Japanese strings. Register: です・ます for sentences, plain nouns for buttons and labels, as Japanese
 * sites and WordPress's ja speak; names take さん. Full-width punctuation （）。？ and no space before
 * them; no plural forms (CLDR: `other` only), a counter instead (件, 人).
 */
import type { AuthMessages, ExtraMessages, Messages, Plural } from './messages.ts';

/** Exported alone too: the boot script imports only this, to fill count links without the whole catalog. */
export const commentCount: Plural = { other: '{n}件のコメント' };

/** Alone too: the watch of a server-rendered thread (causerie-watch.<lang>.js) redraws the page's likes. */
export const pageLikes: Plural = { other: '{n}人がこのページにいいねしました' };

export const messages: Messages = {
  commentCount,
  _empty: 'まだコメントはありません',
  _loading: 'コメントを読み込んでいます…',
  _loadFailed: 'コメントを読み込めませんでした。',
  _retry: '再試行',
  _loadMore: 'さらにコメントを表示',
  locked: 'コメントの受付は終了しました。',
  _deleted: 'コメントは削除されました',
  _pending: '承認待ち',
  _reply: '返信',
  _replyTo: '{name}さんに返信',
  _formHeading: 'コメントを残す',
  comment: 'コメント',
  _commentHint: 'Markdown を使えます。',
  _sortBy: '並べ替え',
  _sorts: { oldest: '古い順', newest: '新しい順', top: 'いいねが多い順' },
  _likeComment: '{name}さんのコメントにいいね',
  _pageLikes: pageLikes,
  _likePage: 'このページにいいね',
  pinned: 'ピン留め',
  moderator: 'モデレーター',
  _edited: '編集済み',
  _inReplyTo: '{name}さんへの返信',
  _moreReplies: '返信をさらに表示',
  _treeFailed: 'この会話を表示できませんでした。',
  _edit: '編集',
  remove: '削除',
  _write: '書く',
  _preview: 'プレビュー',
  _loadingMore: '読み込み中…',
  _verified: '認証済み：',
  errors: { network: 'サーバーに接続できませんでした。接続を確認して、もう一度お試しください。' },
};

/** The server's error codes, exported alone too: the sign-in part needs only these of the extras' strings. */
export const errorMessages: ExtraMessages['errors'] = {
  bad_request: 'リクエストが正しくありません。',
  unauthorized: 'この操作を行う権限がありません。',
  sign_in_required: 'コメントするにはログインしてください。',
  forbidden: 'この操作を行う権限がありません。',
  challenge_failed: 'ロボットでないことの確認に失敗しました。もう一度お試しください。',
  origin_not_allowed: 'このサイトではコメントが許可されていません。',
  banned: 'ここではコメントできなくなりました。',
  edit_window_closed: '編集できる期間が過ぎました。',
  not_found: '返信先のコメントはもう存在しません。',
  thread_locked: 'コメントの受付は終了しました。',
  payload_too_large: 'コメントが長すぎます。',
  unsupported_media_type: 'リクエストが正しくありません。',
  validation_failed: '入力内容を確認してください。',
  rate_limited: '短時間にコメントが多すぎます。1分ほど待ってから、もう一度お試しください。',
  storage_unavailable: 'サーバーが一時的に利用できません。もう一度お試しください。',
  not_configured: 'コメントはまだご利用いただけません。サーバーが設定されていません。',
  internal: 'サーバーでエラーが発生しました。もう一度お試しください。',
};

/** Loaded on first use, with the extras (lazy.tsx). */
export const extraMessages: ExtraMessages = {
  _posted: 'コメントを投稿しました。',
  _postedPending: 'コメントは承認待ちです。',
  _editHeading: 'コメントを編集',
  _save: '保存',
  _saved: 'コメントを更新しました。',
  _confirmRemove: 'このコメントを削除しますか？元に戻すことはできません。',
  _removed: 'コメントを削除しました。',
  _previewEmpty: 'プレビューする内容がありません。',
  _repliesAdded: { other: '{n}件の返信を追加しました' },
  errors: errorMessages,
  _fieldErrors: {
    name: '名前が長すぎます。',
    email: 'メールアドレスが正しくありません。',
    website: 'アドレスは http:// または https:// で始めてください。',
    body: 'コメントを入力してください（10,000文字以内）。',
  },
  _cancel: 'キャンセル',
  name: '名前',
  email: 'メールアドレス（任意）',
  _emailHint: '公開されることはありません。',
  website: 'ウェブサイト（任意）',
  _submit: 'コメントを送信',
  _honeypot: 'この欄は空のままにしてください',
};

/** Loaded only where sign-in is offered, with the sign-in part (lazy.tsx, `loadAuth`). */
export const authMessages: AuthMessages = {
  _signIn: 'ログイン',
  _guest: 'ゲストとしてコメント',
  _signInWith: '{name}でログイン',
  _signInFirst: 'コメントするにはログインしてください。',
  _signedInAs: '{name}さんとしてログイン中',
  _signOut: 'ログアウト',
  _signedOut: 'ログアウトしました。',
  _emailLabel: 'メールアドレス',
  _sendLink: 'ログイン用リンクをメールで送信',
  _linkSent: '{email} にログイン用リンクを送信しました。このブラウザでリンクを開いてログインしてください。',
  _popupBlocked:
    'ログイン用のウィンドウがブロックされました。このサイトのポップアップを許可して、もう一度お試しください。',
  _failed: 'ログインできませんでした。もう一度お試しください。',
  _sessionEnded: 'セッションの有効期限が切れました。もう一度ログインしてください。',
  account: 'アカウント',
  ownComments: '投稿したコメント',
  download: 'コメントをダウンロード',
  noComments: 'まだコメントはありません。',
  more: 'さらに表示',
  pending: '承認待ち',
  erase: 'アカウントとコメントを削除',
  eraseAll: 'はい、すべて削除',
  erased: 'アカウントとコメントを削除しました。',
};
