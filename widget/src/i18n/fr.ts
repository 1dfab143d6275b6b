/** French strings: the wording follows WordPress.com's French comment form, which the demo page imitates. */
import type { AuthMessages, ExtraMessages, Messages, Plural } from './messages.ts';

/** Exported alone too: the boot script imports only this, to fill count links without the whole catalog. */
export const commentCount: Plural = { one: '{n} commentaire', other: '{n} commentaires' };

/** Alone too: the watch of a server-rendered thread (causerie-watch.<lang>.js) redraws the page's likes. */
export const pageLikes: Plural = {
  one: '{n} personne aime cette page',
  other: '{n} personnes aiment cette page',
};

export const messages: Messages = {
  commentCount,
  _empty: 'Pas encore de commentaire',
  _loading: 'Chargement des commentaires…',
  _loadFailed: 'Impossible de charger les commentaires.',
  _retry: 'Réessayer',
  _loadMore: 'Afficher plus de commentaires',
  locked: 'Les commentaires sont fermés.',
  _deleted: 'Commentaire supprimé',
  _pending: 'En attente de modération',
  _reply: 'Répondre',
  _replyTo: 'Répondre à {name}',
  _formHeading: 'Laisser un commentaire',
  comment: 'Commentaire',
  _commentHint: 'Markdown accepté.',
  _sortBy: 'Trier par',
  _sorts: { oldest: 'Plus anciens', newest: 'Plus récents', top: 'Les plus appréciés' },
  _likeComment: 'J’aime le commentaire de {name}',
  _pageLikes: pageLikes,
  _likePage: 'J’aime cette page',
  pinned: 'Épinglé',
  moderator: 'Modérateur',
  _edited: 'modifié',
  _inReplyTo: 'En réponse à {name}',
  _moreReplies: 'Afficher plus de réponses',
  _treeFailed: 'Cette conversation n’a pas pu être affichée.',
  _edit: 'Modifier',
  remove: 'Supprimer',
  _write: 'Écrire',
  _preview: 'Aperçu',
  _loadingMore: 'Chargement…',
  _verified: 'Vérifié\u00a0: ',
  errors: { network: 'Impossible de joindre le serveur\u00a0: vérifiez votre connexion puis réessayez.' },
};

/** The server's error codes, exported alone too: the sign-in part needs only these of the extras' strings. */
export const errorMessages: ExtraMessages['errors'] = {
  bad_request: 'La demande est invalide.',
  unauthorized: 'Vous n’êtes pas autorisé à faire cela.',
  sign_in_required: 'Connectez-vous pour commenter.',
  forbidden: 'Vous n’êtes pas autorisé à faire cela.',
  challenge_failed: 'La vérification anti-robot a échoué\u00a0: réessayez.',
  origin_not_allowed: 'Les commentaires ne sont pas autorisés sur ce site.',
  banned: 'Vous ne pouvez plus commenter ici.',
  edit_window_closed: 'Le délai de modification est dépassé.',
  not_found: 'Le commentaire auquel vous répondez n’existe plus.',
  thread_locked: 'Les commentaires sont fermés.',
  payload_too_large: 'Votre commentaire est trop long.',
  unsupported_media_type: 'La demande est invalide.',
  validation_failed: 'Vérifiez les champs signalés.',
  rate_limited: 'Trop de commentaires d’un coup\u00a0: patientez une minute puis réessayez.',
  storage_unavailable: 'Le serveur est momentanément indisponible\u00a0: réessayez.',
  not_configured: 'Les commentaires ne sont pas encore disponibles\u00a0: leur serveur n’est pas configuré.',
  internal: 'Une erreur est survenue sur le serveur\u00a0: réessayez.',
};

/** Loaded on first use, with the extras (lazy.tsx). */
export const extraMessages: ExtraMessages = {
  _posted: 'Votre commentaire est publié.',
  _postedPending: 'Votre commentaire est en attente de modération.',
  _editHeading: 'Modifier votre commentaire',
  _save: 'Enregistrer',
  _saved: 'Votre commentaire est modifié.',
  _confirmRemove: 'Supprimer ce commentaire\u202f? C’est définitif.',
  _removed: 'Votre commentaire est supprimé.',
  _previewEmpty: 'Rien à prévisualiser.',
  _repliesAdded: { one: '{n} réponse ajoutée', other: '{n} réponses ajoutées' },
  errors: errorMessages,
  _fieldErrors: {
    name: 'Ce nom est trop long.',
    email: 'Cette adresse e-mail n’est pas valide.',
    website: 'Cette adresse doit commencer par http:// ou https://.',
    body: 'Écrivez un commentaire (10\u202f000 caractères au plus).',
  },
  _cancel: 'Annuler',
  name: 'Nom',
  email: 'E-mail (facultatif)',
  _emailHint: 'Jamais publié.',
  website: 'Site web (facultatif)',
  _submit: 'Publier le commentaire',
  _honeypot: 'Laissez ce champ vide',
};

/** Loaded only where sign-in is offered, with the sign-in part (lazy.tsx, `loadAuth`). */
export const authMessages: AuthMessages = {
  _signIn: 'Se connecter',
  _guest: 'Commenter en invité',
  _signInWith: 'Se connecter avec {name}',
  _signInFirst: 'Connectez-vous pour commenter.',
  _signedInAs: 'Connecté en tant que {name}',
  _signOut: 'Se déconnecter',
  _signedOut: 'Vous êtes déconnecté.',
  _emailLabel: 'Votre adresse e-mail',
  _sendLink: 'Recevoir un lien de connexion',
  _linkSent:
    'Un lien de connexion a été envoyé à {email}\u00a0: ouvrez-le dans ce navigateur pour vous connecter.',
  _popupBlocked:
    'La fenêtre de connexion a été bloquée\u00a0: autorisez les fenêtres pop-up pour ce site, puis réessayez.',
  _failed: 'La connexion n’a pas abouti\u00a0: réessayez.',
  _sessionEnded: 'Votre session a expiré\u00a0: reconnectez-vous.',
  account: 'Votre compte',
  ownComments: 'Vos commentaires',
  download: 'Télécharger vos commentaires',
  noComments: 'Vous n’avez encore rien commenté.',
  more: 'Plus',
  pending: 'En attente de modération',
  erase: 'Supprimer mon compte et mes commentaires',
  eraseAll: 'Oui, tout supprimer',
  erased: 'Votre compte et vos commentaires sont supprimés.',
};
