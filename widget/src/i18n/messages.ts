/**
 * The shape every language file must fill in: one `Messages` object per language, checked by the compiler,
 * so a missing or misspelt key in any language is a type error rather than a blank in production.
 */
import type { ErrorCode, SortOrder } from '../../../worker/types/api.ts';

/**
 * A plural form per CLDR category (Intl.PluralRules); `{n}` is replaced by the formatted number.
 * `other` is required because every language has it; the rest are optional (English has no `many`).
 */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The form fields whose server-side validation errors (422 `errors[].field`) get a message of their own. */
export type FieldName = 'name' | 'email' | 'website' | 'body';

export interface Messages {
  /**
   * `'rtl'` for a language written right to left (ar, he): the widget's root gets `dir="rtl"`, and the CSS,
   * all logical properties, flips with it. Absent: left to right.
   */
  _dir?: 'rtl';
  /** The count heading, e.g. "3 commentaires". */
  commentCount: Plural;
  _empty: string;
  _loading: string;
  _loadFailed: string;
  _retry: string;
  _loadMore: string;
  locked: string;
  _deleted: string;
  _pending: string;
  _reply: string;
  /** Heading of an inline reply form; `{name}` is the parent's author. */
  _replyTo: string;
  _formHeading: string;
  comment: string;
  _commentHint: string;
  _sortBy: string;
  _sorts: Record<SortOrder, string>;
  /** The accessible name of a comment's like button; `{name}` is its author. */
  _likeComment: string;
  _pageLikes: Plural;
  _likePage: string;
  pinned: string;
  moderator: string;
  _edited: string;
  /** Shown above a reply past the indentation limit, where nesting no longer says whom it answers. */
  _inReplyTo: string;
  /** Under a root whose tree has more replies than its page shows (they come by cursor). */
  _moreReplies: string;
  /** In place of a root's tree that failed to render (components/guard.tsx). */
  _treeFailed: string;
  _edit: string;
  remove: string;
  _write: string;
  _preview: string;
  _loadingMore: string;
  /** The start of a signed-in author mark's accessible name, followed by the provider ("github", "email"). */
  _verified: string;
  /** A fetch that never got an answer: the one error that cannot wait for the extras (they need one). */
  errors: { network: string };
}

/**
 * What only the extras show (causerie-extras.<lang>.js, see lazy.tsx): the full comment form, editing,
 * deleting, previewing, and the server's error answers. Each follows the reader turning to the form or an
 * answer from the server, so the extras can load first.
 */
export interface ExtraMessages {
  _posted: string;
  _postedPending: string;
  _editHeading: string;
  _save: string;
  _saved: string;
  _confirmRemove: string;
  _removed: string;
  _previewEmpty: string;
  /** Read out once "Show more replies" has added them. */
  _repliesAdded: Plural;
  /** One message per API error code (`network` is in `Messages`). */
  errors: Record<ErrorCode, string>;
  _fieldErrors: Record<FieldName, string>;
  /* The full comment form's own strings (components/full-form.tsx); its top is the app's. */
  name: string;
  email: string;
  _emailHint: string;
  website: string;
  _submit: string;
  _cancel: string;
  /** Label of the honeypot: only bots ever see it, so it reads as an instruction to leave it alone. */
  _honeypot: string;
}

/**
 * What only the sign-in part shows (causerie-auth.<lang>.js, loaded where `GET /config` offers sign-in).
 * A language without them falls back to English (i18n/auth.ts), as the extras' strings do.
 */
export interface AuthMessages {
  _signIn: string;
  _guest: string;
  /** A provider's button; `{name}` is the provider's ("GitHub"). */
  _signInWith: string;
  /** Instead of the choice when the owner requires sign-in (`AUTH=required`). */
  _signInFirst: string;
  /** `{name}`: the verified name. */
  _signedInAs: string;
  _signOut: string;
  _signedOut: string;
  _emailLabel: string;
  _sendLink: string;
  /** After `POST /auth/email` (202); `{email}` is the address. */
  _linkSent: string;
  _popupBlocked: string;
  /** The popup reported a failure the error catalog does not name (the provider's own code). */
  _failed: string;
  /** The stored session was refused (401): the reader is signed out, their draft kept. */
  _sessionEnded: string;
  /*
   * "Your account" (auth/account.tsx), under the signed-in name. These keys have no `_` on purpose: a new
   * mangled name (vite.config.ts) would move the app's names in the shared table and change the app's
   * bytes for strings the app never shows; unmangled, they cost a few bytes in this part only.
   */
  /** The disclosure's summary. */
  account: string;
  /** The heading of the reader's own comments (`GET /me/comments`). */
  ownComments: string;
  /** In place of that list when there is none. */
  noComments: string;
  /** Asks for the list's next page. */
  more: string;
  /** After a comment of that list held for moderation (or as spam: the API says `pending` for both). */
  pending: string;
  /** Downloads everything the reader wrote (`GET /me/export`) as a JSON file. */
  download: string;
  /** Opens the confirmation of the erasure (`DELETE /me`). */
  erase: string;
  /** The confirmation itself: erases the account and its comments. */
  eraseAll: string;
  /** Said, signed out, once the account is erased. */
  erased: string;
}
