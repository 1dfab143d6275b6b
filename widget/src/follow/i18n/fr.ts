/** The follow part's strings: Français. */
import type { FollowMessages } from './en.ts';

export const followMessages: FollowMessages = {
  _feed: 'Flux des commentaires (Atom)',
  _feedTitle: 'Commentaires : {title}',
  _follow: 'Suivre cette discussion',
  _email: 'Votre e-mail',
  _following: 'Vous suivez cette discussion : les nouveaux commentaires vous seront envoyés par e-mail.',
  _confirm: 'Consultez votre boîte de réception : confirmez votre adresse pour suivre cette discussion.',
  _unfollow: 'Ne plus suivre',
  _stopped: 'Vous ne suivez plus cette discussion.',
  _failed: 'Cela n’a pas fonctionné. Réessayez.',
};
