/** The follow part's strings: العربية. */
import type { FollowMessages } from './en.ts';

export const followMessages: FollowMessages = {
  _feed: 'موجز التعليقات (Atom)',
  _feedTitle: 'التعليقات: {title}',
  _follow: 'تابع هذا النقاش',
  _email: 'بريدك الإلكتروني',
  _following: 'أنت تتابع هذا النقاش: ستصلك التعليقات الجديدة بالبريد الإلكتروني.',
  _confirm: 'تحقق من بريدك الوارد: أكّد عنوانك لمتابعة هذا النقاش.',
  _unfollow: 'إلغاء المتابعة',
  _stopped: 'لم تعد تتابع هذا النقاش.',
  _failed: 'لم ينجح ذلك. حاول مرة أخرى.',
};
