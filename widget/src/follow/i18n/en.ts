/** The follow part's strings: English: the fallback of every language. */
export const followMessages = {
  _feed: 'Comments feed (Atom)',
  _feedTitle: 'Comments: {title}',
  _follow: 'Follow this thread',
  _email: 'Your e-mail',
  _following: 'You follow this thread: new comments will be e-mailed to you.',
  _confirm: 'Check your inbox: confirm your address to follow this thread.',
  _unfollow: 'Stop following',
  _stopped: 'You no longer follow this thread.',
  _failed: 'That did not work. Try again.',
};

export type FollowMessages = typeof followMessages;
