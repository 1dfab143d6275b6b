/**
 * Arabic strings, Modern Standard Arabic, right to left. Register: Arabic imperatives are gendered, so
 * actions are verbal nouns ("إعادة المحاولة", "نشر التعليق") and requests impersonal ("يُرجى…"); the
 * unvocalized second-person suffix (تعليقك) reads for anyone. Arabic punctuation ؟ and ، where Arabic uses
 * it. Six plural forms (CLDR: zero, one, two, few 3–10, many 11–99, other 100…) with the noun in the case
 * each count governs: تعليقان، ٣ تعليقات، ١١ تعليقًا، ١٠٠ تعليق.
 * A left-to-right mark (\u200e) after `http://` keeps its slashes beside it in right-to-left text.
 */
import type { AuthMessages, ExtraMessages, Messages, Plural } from './messages.ts';

/** Exported alone too: the boot script imports only this, to fill count links without the whole catalog. */
export const commentCount: Plural = {
  zero: 'لا تعليقات',
  one: 'تعليق واحد',
  two: 'تعليقان',
  few: '{n} تعليقات',
  many: '{n} تعليقًا',
  other: '{n} تعليق',
};

/** Alone too: the watch of a server-rendered thread (causerie-watch.<lang>.js) redraws the page's likes. */
export const pageLikes: Plural = {
  zero: 'لا إعجابات بهذه الصفحة',
  one: 'إعجاب واحد بهذه الصفحة',
  two: 'إعجابان بهذه الصفحة',
  few: '{n} إعجابات بهذه الصفحة',
  many: '{n} إعجابًا بهذه الصفحة',
  other: '{n} إعجاب بهذه الصفحة',
};

export const messages: Messages = {
  _dir: 'rtl',
  commentCount,
  _empty: 'لا توجد تعليقات بعد',
  _loading: 'جارٍ تحميل التعليقات…',
  _loadFailed: 'تعذّر تحميل التعليقات.',
  _retry: 'إعادة المحاولة',
  _loadMore: 'عرض المزيد من التعليقات',
  locked: 'التعليقات مغلقة.',
  _deleted: 'تعليق محذوف',
  _pending: 'بانتظار المراجعة',
  _reply: 'رد',
  _replyTo: 'الرد على {name}',
  _formHeading: 'إضافة تعليق',
  comment: 'التعليق',
  _commentHint: 'يمكن استخدام Markdown.',
  _sortBy: 'الترتيب حسب',
  _sorts: { oldest: 'الأقدم', newest: 'الأحدث', top: 'الأكثر إعجابًا' },
  _likeComment: 'الإعجاب بتعليق {name}',
  _pageLikes: pageLikes,
  _likePage: 'الإعجاب بهذه الصفحة',
  pinned: 'مثبّت',
  moderator: 'الإشراف',
  _edited: 'معدّل',
  _inReplyTo: 'ردًا على {name}',
  _moreReplies: 'عرض المزيد من الردود',
  _treeFailed: 'تعذّر عرض هذه المحادثة.',
  _edit: 'تعديل',
  remove: 'حذف',
  _write: 'كتابة',
  _preview: 'معاينة',
  _loadingMore: 'جارٍ التحميل…',
  _verified: 'حساب موثّق: ',
  errors: { network: 'تعذّر الوصول إلى الخادم: يُرجى التحقق من الاتصال ثم إعادة المحاولة.' },
};

/** The server's error codes, exported alone too: the sign-in part needs only these of the extras' strings. */
export const errorMessages: ExtraMessages['errors'] = {
  bad_request: 'الطلب غير صالح.',
  unauthorized: 'ليست لديك صلاحية للقيام بذلك.',
  sign_in_required: 'يجب تسجيل الدخول للتعليق.',
  forbidden: 'ليست لديك صلاحية للقيام بذلك.',
  challenge_failed: 'فشل التحقق من أنك لست روبوتًا: يُرجى إعادة المحاولة.',
  origin_not_allowed: 'التعليقات غير مسموح بها على هذا الموقع.',
  banned: 'لم يعد بإمكانك التعليق هنا.',
  edit_window_closed: 'انتهت مهلة التعديل.',
  not_found: 'التعليق المراد الرد عليه لم يعد موجودًا.',
  thread_locked: 'التعليقات مغلقة.',
  payload_too_large: 'تعليقك طويل جدًا.',
  unsupported_media_type: 'الطلب غير صالح.',
  validation_failed: 'يُرجى مراجعة الحقول المحددة.',
  rate_limited: 'تعليقات كثيرة في وقت قصير: يُرجى الانتظار دقيقة ثم إعادة المحاولة.',
  storage_unavailable: 'الخادم غير متاح مؤقتًا: يُرجى إعادة المحاولة.',
  not_configured: 'التعليقات غير متاحة بعد: لم يُجهَّز الخادم الخاص بها.',
  internal: 'حدث خطأ في الخادم: يُرجى إعادة المحاولة.',
};

/** Loaded on first use, with the extras (lazy.tsx). */
export const extraMessages: ExtraMessages = {
  _posted: 'تم نشر تعليقك.',
  _postedPending: 'تعليقك بانتظار المراجعة.',
  _editHeading: 'تعديل تعليقك',
  _save: 'حفظ',
  _saved: 'تم تحديث تعليقك.',
  _confirmRemove: 'حذف هذا التعليق؟ لا يمكن التراجع عن ذلك.',
  _removed: 'تم حذف تعليقك.',
  _previewEmpty: 'لا يوجد ما يمكن معاينته.',
  _repliesAdded: {
    zero: 'لم تتم إضافة أي رد',
    one: 'تمت إضافة رد واحد',
    two: 'تمت إضافة ردّين',
    few: 'تمت إضافة {n} ردود',
    many: 'تمت إضافة {n} ردًا',
    other: 'تمت إضافة {n} رد',
  },
  errors: errorMessages,
  _fieldErrors: {
    name: 'هذا الاسم طويل جدًا.',
    email: 'عنوان البريد الإلكتروني هذا غير صالح.',
    website: 'يجب أن يبدأ العنوان بـ http://\u200e أو https://\u200e.',
    body: 'يُرجى كتابة تعليق (10,000 حرف كحد أقصى).',
  },
  _cancel: 'إلغاء',
  name: 'الاسم',
  email: 'البريد الإلكتروني (اختياري)',
  _emailHint: 'لن يُنشر أبدًا.',
  website: 'الموقع الإلكتروني (اختياري)',
  _submit: 'نشر التعليق',
  _honeypot: 'يُترك هذا الحقل فارغًا',
};

/** Loaded only where sign-in is offered, with the sign-in part (lazy.tsx, `loadAuth`). */
export const authMessages: AuthMessages = {
  _signIn: 'تسجيل الدخول',
  _guest: 'التعليق دون تسجيل الدخول',
  _signInWith: 'تسجيل الدخول باستخدام {name}',
  _signInFirst: 'يجب تسجيل الدخول للتعليق.',
  _signedInAs: 'تم تسجيل الدخول باسم {name}',
  _signOut: 'تسجيل الخروج',
  _signedOut: 'تم تسجيل الخروج.',
  _emailLabel: 'عنوان بريدك الإلكتروني',
  _sendLink: 'إرسال رابط تسجيل الدخول بالبريد الإلكتروني',
  _linkSent: 'تم إرسال رابط تسجيل الدخول إلى {email}: يُرجى فتحه في هذا المتصفح لتسجيل الدخول.',
  _popupBlocked: 'تم حظر نافذة تسجيل الدخول: يُرجى السماح بالنوافذ المنبثقة لهذا الموقع ثم إعادة المحاولة.',
  _failed: 'تعذّر تسجيل الدخول: يُرجى إعادة المحاولة.',
  _sessionEnded: 'انتهت صلاحية الجلسة: يُرجى تسجيل الدخول مجددًا.',
  account: 'حسابك',
  ownComments: 'تعليقاتك',
  download: 'تنزيل تعليقاتك',
  noComments: 'لا توجد تعليقات بعد.',
  more: 'المزيد',
  pending: 'بانتظار المراجعة',
  erase: 'حذف حسابي وتعليقاتي',
  eraseAll: 'نعم، حذف كل شيء',
  erased: 'تم حذف حسابك وتعليقاتك.',
};
