/** The follow part's strings: עברית. */
import type { FollowMessages } from './en.ts';

export const followMessages: FollowMessages = {
  _feed: 'פיד התגובות (Atom)',
  _feedTitle: 'תגובות: {title}',
  _follow: 'מעקב אחר הדיון',
  _email: 'הדוא״ל שלך',
  _following: 'את/ה עוקב/ת אחר הדיון: תגובות חדשות יישלחו אליך בדוא״ל.',
  _confirm: 'בדקו את תיבת הדואר: אשרו את הכתובת כדי לעקוב אחר הדיון.',
  _unfollow: 'הפסקת המעקב',
  _stopped: 'את/ה כבר לא עוקב/ת אחר הדיון.',
  _failed: 'זה לא הצליח. נסו שוב.',
};
