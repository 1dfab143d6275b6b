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
  /** The count heading, e.g. "3 commentaires". */
  commentCount: Plural;
  empty: string;
  loading: string;
  loadFailed: string;
  retry: string;
  loadMore: string;
  locked: string;
  deleted: string;
  pending: string;
  reply: string;
  /** Heading of an inline reply form; `{name}` is the parent's author. */
  replyTo: string;
  cancel: string;
  formHeading: string;
  name: string;
  email: string;
  emailHint: string;
  website: string;
  comment: string;
  commentHint: string;
  submit: string;
  /** Label of the honeypot: only bots ever see it, so it reads as an instruction to leave it alone. */
  sortBy: string;
  sorts: Record<SortOrder, string>;
  like: string;
  /** The accessible name of a comment's like button; `{name}` is its author. */
  likeComment: string;
  pageLikes: Plural;
  likePage: string;
  pinned: string;
  moderator: string;
  edited: string;
  /** Shown above a reply past the indentation limit, where nesting no longer says whom it answers. */
  inReplyTo: string;
  edit: string;
  remove: string;
  write: string;
  preview: string;
  loadingMore: string;
  honeypot: string;
  /** A fetch that never got an answer: the one error that cannot wait for the extras (they need one). */
  errors: { network: string };
}

/**
 * What only the extras show (causerie-extras.<lang>.js, see lazy.tsx): editing, deleting, previewing, and
 * the server's error answers. Every one of them follows an answer from the server, so the extras can load.
 */
export interface ExtraMessages {
  posted: string;
  postedPending: string;
  editHeading: string;
  save: string;
  saved: string;
  confirmRemove: string;
  removed: string;
  previewEmpty: string;
  /** One message per API error code (`network` is in `Messages`). */
  errors: Record<ErrorCode, string>;
  fieldErrors: Record<FieldName, string>;
}
