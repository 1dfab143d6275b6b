/** The follow part's strings: Nederlands. */
import type { FollowMessages } from './en.ts';

export const followMessages: FollowMessages = {
  _feed: 'Reactiefeed (Atom)',
  _feedTitle: 'Reacties: {title}',
  _follow: 'Deze discussie volgen',
  _email: 'Je e-mailadres',
  _following: 'Je volgt deze discussie: nieuwe reacties worden je gemaild.',
  _confirm: 'Kijk in je inbox: bevestig je adres om deze discussie te volgen.',
  _unfollow: 'Niet meer volgen',
  _stopped: 'Je volgt deze discussie niet meer.',
  _failed: 'Dat is niet gelukt. Probeer het opnieuw.',
};
