/** The follow part's strings: Polski. */
import type { FollowMessages } from './en.ts';

export const followMessages: FollowMessages = {
  _feed: 'Kanał komentarzy (Atom)',
  _feedTitle: 'Komentarze: {title}',
  _follow: 'Obserwuj tę dyskusję',
  _email: 'Twój e-mail',
  _following: 'Obserwujesz tę dyskusję: nowe komentarze otrzymasz e-mailem.',
  _confirm: 'Sprawdź skrzynkę: potwierdź adres, aby obserwować tę dyskusję.',
  _unfollow: 'Przestań obserwować',
  _stopped: 'Nie obserwujesz już tej dyskusji.',
  _failed: 'Nie udało się. Spróbuj ponownie.',
};
