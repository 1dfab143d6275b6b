/** The follow part's strings: Italiano. */
import type { FollowMessages } from './en.ts';

export const followMessages: FollowMessages = {
  _feed: 'Feed dei commenti (Atom)',
  _feedTitle: 'Commenti: {title}',
  _follow: 'Segui questa discussione',
  _email: 'La tua e-mail',
  _following: 'Segui questa discussione: riceverai i nuovi commenti via e-mail.',
  _confirm: 'Controlla la posta: conferma il tuo indirizzo per seguire questa discussione.',
  _unfollow: 'Non seguire più',
  _stopped: 'Non segui più questa discussione.',
  _failed: 'Non ha funzionato. Riprova.',
};
