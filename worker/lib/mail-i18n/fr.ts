/** Les e-mails en français. */
import type { MailMessages } from './en.ts';

export const fr: MailMessages = {
  sep: ' : ',
  ownerSubjectNew: 'Nouveau commentaire : {page}',
  ownerSubjectHeld: 'En attente de modération : {page}',
  ownerLeadNew: '{author} a écrit sur {page} :',
  ownerLeadHeld: '{author} a écrit sur {page} (en attente de modération) :',
  moderate: 'Modérer',
  actionApprove: 'Approuver',
  actionSpam: 'Indésirable',
  actionDelete: 'Supprimer',
  replySubject: 'Nouvelle réponse à votre commentaire : {page}',
  replyLead: '{author} a répondu à votre commentaire sur {page} :',
  readIt: 'Lire la réponse',
  unsubscribe: 'Ne plus recevoir d’e-mails sur les réponses à ce commentaire',
  digestSubject: '{count} nouvelles réponses à vos commentaires sur {site}',
  digestSubjectOne: 'Une nouvelle réponse à votre commentaire sur {site}',
  digestLead: 'Les réponses à vos commentaires depuis le dernier e-mail :',
  confirmSubject: 'Confirmez les e-mails de commentaires sur {site}',
  confirmLead:
    'Quelqu’un a demandé, avec cette adresse, à être prévenu par e-mail des réponses aux commentaires, ou des nouveaux commentaires d’une discussion, sur {site}.',
  confirmAction: 'Si c’est vous, confirmez ici',
  confirmIgnore:
    'Si ce n’est pas vous, ignorez cet e-mail : rien d’autre ne sera envoyé à cette adresse sans confirmation.',
  footer: 'Envoyé par les commentaires de {site}.',
  signInSubject: 'Connectez-vous pour commenter sur {site}',
  signInLead: 'Quelqu’un a demandé, avec cette adresse, à se connecter aux commentaires de {site}.',
  signInAction: 'Si c’est vous, connectez-vous ici (le lien sert une fois, pendant 15 minutes)',
  signInIgnore: 'Si ce n’est pas vous, ignorez cet e-mail : personne ne peut se connecter sans ce lien.',
  followSubject: '{count} nouveaux commentaires sur {page}',
  followSubjectOne: 'Un nouveau commentaire sur {page}',
  followLead: 'Les nouveaux commentaires sur {page} depuis le dernier e-mail :',
  followItem: '{author} a écrit :',
  followUnsubscribe: 'Ne plus recevoir d’e-mails sur cette discussion',
};
