/** The follow part's strings: Deutsch. */
import type { FollowMessages } from './en.ts';

export const followMessages: FollowMessages = {
  _feed: 'Kommentar-Feed (Atom)',
  _feedTitle: 'Kommentare: {title}',
  _follow: 'Dieser Diskussion folgen',
  _email: 'Ihre E-Mail-Adresse',
  _following: 'Sie folgen dieser Diskussion: Neue Kommentare erhalten Sie per E-Mail.',
  _confirm: 'Sehen Sie in Ihr Postfach: Bestätigen Sie Ihre Adresse, um dieser Diskussion zu folgen.',
  _unfollow: 'Nicht mehr folgen',
  _stopped: 'Sie folgen dieser Diskussion nicht mehr.',
  _failed: 'Das hat nicht geklappt. Bitte erneut versuchen.',
};
