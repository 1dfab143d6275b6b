/** The e-mails in English (the fallback): every string a message shows, with `{name}` slots. */
export const en = {
  /** Between a label and its link in the text part (French puts a space before the colon). */
  sep: ': ',
  ownerSubjectNew: 'New comment: {page}',
  ownerSubjectHeld: 'Held for moderation: {page}',
  ownerLeadNew: '{author} wrote on {page}:',
  ownerLeadHeld: '{author} wrote on {page} (held for moderation):',
  moderate: 'Moderate',
  /** The one-click links of a held comment (they open a confirmation page first). */
  actionApprove: 'Approve',
  actionSpam: 'Spam',
  actionDelete: 'Delete',
  replySubject: 'New reply to your comment: {page}',
  replyLead: '{author} replied to your comment on {page}:',
  readIt: 'Read it',
  unsubscribe: 'Stop e-mails about replies to this comment',
  digestSubject: '{count} new replies to your comments on {site}',
  digestSubjectOne: 'A new reply to your comment on {site}',
  digestLead: 'Replies to your comments since the last e-mail:',
  confirmSubject: 'Confirm e-mails about comments on {site}',
  confirmLead:
    'Someone asked, with this address, to be e-mailed about replies to comments, or new comments of a thread, on {site}.',
  confirmAction: 'If it was you, confirm here',
  confirmIgnore:
    'If it was not you, ignore this e-mail: nothing else will be sent to this address unless it is confirmed.',
  footer: 'Sent by the comments of {site}.',
  signInSubject: 'Sign in to comment on {site}',
  signInLead: 'Someone asked, with this address, to sign in to the comments of {site}.',
  signInAction: 'If it was you, sign in here (the link works once, for 15 minutes)',
  signInIgnore: 'If it was not you, ignore this e-mail: nobody can sign in without this link.',
  /** A followed thread's batch (issue 17). */
  followSubject: '{count} new comments on {page}',
  followSubjectOne: 'A new comment on {page}',
  followLead: 'New comments on {page} since the last e-mail:',
  followItem: '{author} wrote:',
  followUnsubscribe: 'Stop e-mails about this thread',
};

export type MailMessages = typeof en;
