/**
 * Chinese strings, Simplified (Mainland usage). Register: "你", as Chinese comment sections speak to readers.
 * Full-width punctuation （），：。？ with no space around it; a space between Chinese and Latin words
 * (Markdown, http://), none before a number's counter ({n}条评论); no plural forms (CLDR: `other` only).
 * Traditional Chinese readers (zh-TW, zh-HK, zh-Hant) are not given this file: see pickLang.
 */
import type { AuthMessages, ExtraMessages, Messages, Plural } from './messages.ts';

/** Exported alone too: the boot script imports only this, to fill count links without the whole catalog. */
export const commentCount: Plural = { other: '{n}条评论' };

/** Alone too: the watch of a server-rendered thread (causerie-watch.<lang>.js) redraws the page's likes. */
export const pageLikes: Plural = { other: '{n}人赞了这个页面' };

export const messages: Messages = {
  commentCount,
  _empty: '暂无评论',
  _loading: '正在加载评论…',
  _loadFailed: '评论加载失败。',
  _retry: '重试',
  _loadMore: '加载更多评论',
  locked: '评论已关闭。',
  _deleted: '评论已删除',
  _pending: '等待审核',
  _reply: '回复',
  _replyTo: '回复 {name}',
  _formHeading: '发表评论',
  comment: '评论',
  _commentHint: '支持 Markdown。',
  _sortBy: '排序方式',
  _sorts: { oldest: '最早', newest: '最新', top: '最多赞' },
  _likeComment: '赞 {name} 的评论',
  _pageLikes: pageLikes,
  _likePage: '赞这个页面',
  pinned: '置顶',
  moderator: '管理员',
  _edited: '已编辑',
  _inReplyTo: '回复 {name}',
  _moreReplies: '显示更多回复',
  _treeFailed: '无法显示这段对话。',
  _edit: '编辑',
  remove: '删除',
  _write: '编写',
  _preview: '预览',
  _loadingMore: '加载中…',
  _verified: '已验证：',
  errors: { network: '无法连接服务器：请检查网络连接后重试。' },
};

/** The server's error codes, exported alone too: the sign-in part needs only these of the extras' strings. */
export const errorMessages: ExtraMessages['errors'] = {
  bad_request: '请求无效。',
  unauthorized: '你无权执行此操作。',
  sign_in_required: '请登录后再评论。',
  forbidden: '你无权执行此操作。',
  challenge_failed: '人机验证失败，请重试。',
  origin_not_allowed: '此网站不允许评论。',
  banned: '你已无法在此评论。',
  edit_window_closed: '已超过可编辑的时间。',
  not_found: '你回复的评论已不存在。',
  thread_locked: '评论已关闭。',
  payload_too_large: '你的评论太长了。',
  unsupported_media_type: '请求无效。',
  validation_failed: '请检查标出的字段。',
  rate_limited: '评论过于频繁，请等一分钟后重试。',
  storage_unavailable: '服务器暂时不可用，请重试。',
  not_configured: '评论功能暂不可用：服务器尚未配置。',
  internal: '服务器出错了，请重试。',
};

/** Loaded on first use, with the extras (lazy.tsx). */
export const extraMessages: ExtraMessages = {
  _posted: '你的评论已发表。',
  _postedPending: '你的评论正在等待审核。',
  _editHeading: '编辑你的评论',
  _save: '保存',
  _saved: '你的评论已更新。',
  _confirmRemove: '要删除这条评论吗？删除后无法恢复。',
  _removed: '你的评论已删除。',
  _previewEmpty: '没有可预览的内容。',
  _repliesAdded: { other: '已添加{n}条回复' },
  errors: errorMessages,
  _fieldErrors: {
    name: '昵称太长了。',
    email: '电子邮箱地址无效。',
    website: '网址必须以 http:// 或 https:// 开头。',
    body: '请填写评论内容（最多10,000字）。',
  },
  _cancel: '取消',
  name: '昵称',
  email: '电子邮箱（选填）',
  _emailHint: '不会公开。',
  website: '网站（选填）',
  _submit: '发表评论',
  _honeypot: '此栏请留空',
};

/** Loaded only where sign-in is offered, with the sign-in part (lazy.tsx, `loadAuth`). */
export const authMessages: AuthMessages = {
  _signIn: '登录',
  _guest: '以访客身份评论',
  _signInWith: '使用 {name} 登录',
  _signInFirst: '请登录后再评论。',
  _signedInAs: '已登录为 {name}',
  _signOut: '退出登录',
  _signedOut: '你已退出登录。',
  _emailLabel: '你的电子邮箱',
  _sendLink: '发送登录链接到邮箱',
  _linkSent: '登录链接已发送至 {email}，请在此浏览器中打开链接完成登录。',
  _popupBlocked: '登录窗口被拦截，请允许此网站显示弹出窗口后重试。',
  _failed: '登录失败，请重试。',
  _sessionEnded: '登录已过期，请重新登录。',
  account: '你的账号',
  ownComments: '你的评论',
  download: '下载你的评论',
  noComments: '你还没有发表评论。',
  more: '更多',
  pending: '等待审核',
  erase: '删除我的账号和评论',
  eraseAll: '是的，全部删除',
  erased: '你的账号和评论已删除。',
};
