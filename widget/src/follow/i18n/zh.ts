/** The follow part's strings: 简体中文。 */
import type { FollowMessages } from './en.ts';

export const followMessages: FollowMessages = {
  _feed: '评论订阅源 (Atom)',
  _feedTitle: '评论：{title}',
  _follow: '关注此讨论',
  _email: '你的电子邮箱',
  _following: '你已关注此讨论：新评论将通过电子邮件发送给你。',
  _confirm: '请查看收件箱：确认你的地址即可关注此讨论。',
  _unfollow: '取消关注',
  _stopped: '你已不再关注此讨论。',
  _failed: '操作未成功，请重试。',
};
