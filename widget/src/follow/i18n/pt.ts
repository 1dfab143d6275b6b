/** The follow part's strings: Português. */
import type { FollowMessages } from './en.ts';

export const followMessages: FollowMessages = {
  _feed: 'Feed de comentários (Atom)',
  _feedTitle: 'Comentários: {title}',
  _follow: 'Seguir esta conversa',
  _email: 'O seu e-mail',
  _following: 'Segue esta conversa: os novos comentários serão enviados por e-mail.',
  _confirm: 'Verifique a sua caixa de entrada: confirme o seu endereço para seguir esta conversa.',
  _unfollow: 'Deixar de seguir',
  _stopped: 'Já não segue esta conversa.',
  _failed: 'Não funcionou. Tente novamente.',
};
