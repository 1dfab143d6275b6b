/**
 * Hebrew strings, right to left. Register: Hebrew verbs are gendered, so actions are infinitives or verbal
 * nouns ("לנסות שוב", "כתיבת תגובה") and requests impersonal ("יש ל…"), as Hebrew interfaces do; the
 * unvocalized "שלך" reads for anyone. A prefix before a name takes a maqaf (ל־{name}), which also keeps
 * it readable before a Latin name. Plural forms (CLDR): one, two ("שתי תגובות"), other.
 * A left-to-right mark (\u200e) after `http://` keeps its slashes beside it in right-to-left text.
 */
import type { AuthMessages, ExtraMessages, Messages, Plural } from './messages.ts';

/** Exported alone too: the boot script imports only this, to fill count links without the whole catalog. */
export const commentCount: Plural = { one: 'תגובה אחת', two: 'שתי תגובות', other: '{n} תגובות' };

/** Alone too: the watch of a server-rendered thread (causerie-watch.<lang>.js) redraws the page's likes. */
export const pageLikes: Plural = {
  one: 'אדם אחד אוהב את הדף הזה',
  two: 'שני אנשים אוהבים את הדף הזה',
  other: '{n} אנשים אוהבים את הדף הזה',
};

export const messages: Messages = {
  _dir: 'rtl',
  commentCount,
  _empty: 'אין עדיין תגובות',
  _loading: 'התגובות נטענות…',
  _loadFailed: 'לא ניתן היה לטעון את התגובות.',
  _retry: 'לנסות שוב',
  _loadMore: 'טעינת תגובות נוספות',
  locked: 'התגובות סגורות.',
  _deleted: 'התגובה נמחקה',
  _pending: 'ממתינה לאישור',
  _reply: 'להגיב',
  _replyTo: 'תגובה ל־{name}',
  _formHeading: 'כתיבת תגובה',
  comment: 'תגובה',
  _commentHint: 'אפשר להשתמש ב־Markdown.',
  _sortBy: 'מיון לפי',
  _sorts: { oldest: 'הישנות ביותר', newest: 'החדשות ביותר', top: 'האהובות ביותר' },
  _likeComment: 'אהבתי את התגובה של {name}',
  _pageLikes: pageLikes,
  _likePage: 'אהבתי את הדף הזה',
  pinned: 'נעוצה',
  moderator: 'ניהול',
  _edited: 'נערכה',
  _inReplyTo: 'בתגובה ל־{name}',
  _moreReplies: 'הצגת תגובות נוספות',
  _treeFailed: 'לא ניתן היה להציג את השיחה הזו.',
  _edit: 'עריכה',
  remove: 'מחיקה',
  _write: 'כתיבה',
  _preview: 'תצוגה מקדימה',
  _loadingMore: 'בטעינה…',
  _verified: 'חשבון מאומת: ',
  errors: { network: 'לא ניתן להתחבר לשרת: יש לבדוק את החיבור ולנסות שוב.' },
};

/** The server's error codes, exported alone too: the sign-in part needs only these of the extras' strings. */
export const errorMessages: ExtraMessages['errors'] = {
  bad_request: 'הבקשה אינה תקינה.',
  unauthorized: 'אין לך הרשאה לעשות זאת.',
  sign_in_required: 'יש להתחבר כדי להגיב.',
  forbidden: 'אין לך הרשאה לעשות זאת.',
  challenge_failed: 'הבדיקה נגד רובוטים נכשלה: יש לנסות שוב.',
  origin_not_allowed: 'אי אפשר להגיב באתר הזה.',
  banned: 'אין לך עוד אפשרות להגיב כאן.',
  edit_window_closed: 'הזמן לעריכה הסתיים.',
  not_found: 'התגובה שאליה רצית להגיב כבר לא קיימת.',
  thread_locked: 'התגובות סגורות.',
  payload_too_large: 'התגובה ארוכה מדי.',
  unsupported_media_type: 'הבקשה אינה תקינה.',
  validation_failed: 'יש לבדוק את השדות המסומנים.',
  rate_limited: 'יותר מדי תגובות בבת אחת: יש להמתין דקה ולנסות שוב.',
  storage_unavailable: 'השרת אינו זמין כרגע: יש לנסות שוב.',
  not_configured: 'התגובות עדיין לא זמינות: השרת שלהן לא הוגדר.',
  internal: 'משהו השתבש בשרת: יש לנסות שוב.',
};

/** Loaded on first use, with the extras (lazy.tsx). */
export const extraMessages: ExtraMessages = {
  _posted: 'התגובה שלך פורסמה.',
  _postedPending: 'התגובה שלך ממתינה לאישור.',
  _editHeading: 'עריכת התגובה שלך',
  _save: 'שמירה',
  _saved: 'התגובה שלך עודכנה.',
  _confirmRemove: 'למחוק את התגובה הזו? אי אפשר לבטל את הפעולה.',
  _removed: 'התגובה שלך נמחקה.',
  _previewEmpty: 'אין מה להציג בתצוגה המקדימה.',
  _repliesAdded: { one: 'נוספה תגובה אחת', two: 'נוספו שתי תגובות', other: 'נוספו {n} תגובות' },
  errors: errorMessages,
  _fieldErrors: {
    name: 'השם ארוך מדי.',
    email: 'כתובת האימייל אינה תקינה.',
    website: 'הכתובת צריכה להתחיל ב־http://\u200e או ב־https://\u200e.',
    body: 'יש לכתוב תגובה (עד 10,000 תווים).',
  },
  _cancel: 'ביטול',
  name: 'שם',
  email: 'אימייל (לא חובה)',
  _emailHint: 'לעולם לא יפורסם.',
  website: 'אתר (לא חובה)',
  _submit: 'פרסום התגובה',
  _honeypot: 'יש להשאיר שדה זה ריק',
};

/** Loaded only where sign-in is offered, with the sign-in part (lazy.tsx, `loadAuth`). */
export const authMessages: AuthMessages = {
  _signIn: 'התחברות',
  _guest: 'תגובה ללא התחברות',
  _signInWith: 'התחברות באמצעות {name}',
  _signInFirst: 'יש להתחבר כדי להגיב.',
  _signedInAs: 'החשבון המחובר: {name}',
  _signOut: 'התנתקות',
  _signedOut: 'ההתנתקות בוצעה.',
  _emailLabel: 'כתובת האימייל שלך',
  _sendLink: 'שליחת קישור התחברות באימייל',
  _linkSent: 'קישור התחברות נשלח אל {email}: יש לפתוח אותו בדפדפן הזה כדי להתחבר.',
  _popupBlocked: 'חלון ההתחברות נחסם: יש לאפשר חלונות קופצים באתר הזה ולנסות שוב.',
  _failed: 'ההתחברות לא הצליחה: יש לנסות שוב.',
  _sessionEnded: 'פג תוקף ההתחברות: יש להתחבר שוב.',
  account: 'החשבון שלך',
  ownComments: 'התגובות שלך',
  download: 'הורדת התגובות שלך',
  noComments: 'אין עדיין תגובות.',
  more: 'עוד',
  pending: 'ממתינה לאישור',
  erase: 'מחיקת החשבון והתגובות שלי',
  eraseAll: 'כן, למחוק הכול',
  erased: 'החשבון והתגובות שלך נמחקו.',
};
