/** The follow part's strings: Español. */
import type { FollowMessages } from './en.ts';

export const followMessages: FollowMessages = {
  _feed: 'Feed de comentarios (Atom)',
  _feedTitle: 'Comentarios: {title}',
  _follow: 'Seguir esta conversación',
  _email: 'Tu correo electrónico',
  _following: 'Sigues esta conversación: recibirás los nuevos comentarios por correo.',
  _confirm: 'Revisa tu bandeja de entrada: confirma tu dirección para seguir esta conversación.',
  _unfollow: 'Dejar de seguir',
  _stopped: 'Ya no sigues esta conversación.',
  _failed: 'No ha funcionado. Inténtalo de nuevo.',
};
