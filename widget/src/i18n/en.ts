/** English strings, also the fallback language. */
import type { AuthMessages, ExtraMessages, Messages, Plural } from './messages.ts';

/** Exported alone too: the boot script imports only this, to fill count links without the whole catalog. */
export const commentCount: Plural = { one: '{n} comment', other: '{n} comments' };

/** Alone too: the watch of a server-rendered thread (causerie-watch.<lang>.js) redraws the page's likes. */
export const pageLikes: Plural = { one: '{n} person likes this page', other: '{n} people like this page' };

export const messages: Messages = {
  commentCount,
  _empty: 'No comments yet',
  _loading: 'Loading comments…',
  _loadFailed: 'The comments could not be loaded.',
  _retry: 'Try again',
  _loadMore: 'Load more comments',
  locked: 'Comments are closed.',
  _deleted: 'Comment deleted',
  _pending: 'Awaiting moderation',
  _reply: 'Reply',
  _replyTo: 'Reply to {name}',
  _formHeading: 'Leave a comment',
  comment: 'Comment',
  _commentHint: 'Markdown is supported.',
  _sortBy: 'Sort by',
  _sorts: { oldest: 'Oldest', newest: 'Newest', top: 'Most liked' },
  _likeComment: 'Like {name}’s comment',
  _pageLikes: pageLikes,
  _likePage: 'Like this page',
  pinned: 'Pinned',
  moderator: 'Moderator',
  _edited: 'edited',
  _inReplyTo: 'In reply to {name}',
  _moreReplies: 'Show more replies',
  _treeFailed: 'This conversation could not be shown.',
  _edit: 'Edit',
  remove: 'Delete',
  _write: 'Write',
  _preview: 'Preview',
  _loadingMore: 'Loading…',
  _verified: 'Verified: ',
  errors: { network: 'Could not reach the server: check your connection and try again.' },
};

/** The server's error codes, exported alone too: the sign-in part needs only these of the extras' strings. */
export const errorMessages: ExtraMessages['errors'] = {
  bad_request: 'The request was invalid.',
  unauthorized: 'You are not allowed to do that.',
  sign_in_required: 'Sign in to comment.',
  forbidden: 'You are not allowed to do that.',
  challenge_failed: 'The anti-robot check failed: try again.',
  origin_not_allowed: 'Comments are not allowed on this site.',
  banned: 'You can no longer comment here.',
  edit_window_closed: 'The time to edit has run out.',
  not_found: 'The comment you are replying to no longer exists.',
  thread_locked: 'Comments are closed.',
  payload_too_large: 'Your comment is too long.',
  unsupported_media_type: 'The request was invalid.',
  validation_failed: 'Please check the highlighted fields.',
  rate_limited: 'Too many comments at once: wait a minute and try again.',
  storage_unavailable: 'The server is briefly unavailable: please try again.',
  not_configured: 'Comments are not available yet: their server is not set up.',
  internal: 'Something went wrong on the server: please try again.',
};

/** Loaded on first use, with the extras (lazy.tsx). */
export const extraMessages: ExtraMessages = {
  _posted: 'Your comment is posted.',
  _postedPending: 'Your comment is awaiting moderation.',
  _editHeading: 'Edit your comment',
  _save: 'Save',
  _saved: 'Your comment is updated.',
  _confirmRemove: 'Delete this comment? This cannot be undone.',
  _removed: 'Your comment is deleted.',
  _previewEmpty: 'Nothing to preview.',
  _repliesAdded: { one: '{n} reply added', other: '{n} replies added' },
  errors: errorMessages,
  _fieldErrors: {
    name: 'This name is too long.',
    email: 'This email address is not valid.',
    website: 'This address must start with http:// or https://.',
    body: 'Write a comment (at most 10,000 characters).',
  },
  _cancel: 'Cancel',
  name: 'Name',
  email: 'Email (optional)',
  _emailHint: 'Never published.',
  website: 'Website (optional)',
  _submit: 'Post comment',
  _honeypot: 'Leave this field empty',
};

/** Loaded only where sign-in is offered, with the sign-in part (lazy.tsx, `loadAuth`). */
export const authMessages: AuthMessages = {
  _signIn: 'Sign in',
  _guest: 'Comment as guest',
  _signInWith: 'Sign in with {name}',
  _signInFirst: 'Sign in to comment.',
  _signedInAs: 'Signed in as {name}',
  _signOut: 'Sign out',
  _signedOut: 'You are signed out.',
  _emailLabel: 'Your email address',
  _sendLink: 'Email me a sign-in link',
  _linkSent: 'We sent a sign-in link to {email}: open it in this browser to sign in.',
  _popupBlocked: 'The sign-in window was blocked: allow pop-ups for this site and try again.',
  _failed: 'Signing in did not work: try again.',
  _sessionEnded: 'Your session has ended: sign in again.',
  account: 'Your account',
  ownComments: 'Your comments',
  download: 'Download your comments',
  noComments: 'No comments from you yet.',
  more: 'More',
  pending: 'Awaiting moderation',
  erase: 'Delete my account and comments',
  eraseAll: 'Yes, delete everything',
  erased: 'Your account and comments are deleted.',
};
