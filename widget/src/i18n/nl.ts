/**
 * Dutch strings. Register: "je", as Dutch comment sections and WordPress's nl_NL speak to readers; a
 * comment is a "reactie", a reply to one an "antwoord" (so the two "more" buttons differ).
 */
import type { AuthMessages, ExtraMessages, Messages, Plural } from './messages.ts';

/** Exported alone too: the boot script imports only this, to fill count links without the whole catalog. */
export const commentCount: Plural = { one: '{n} reactie', other: '{n} reacties' };

/** Alone too: the watch of a server-rendered thread (causerie-watch.<lang>.js) redraws the page's likes. */
export const pageLikes: Plural = {
  one: '{n} persoon vindt deze pagina leuk',
  other: '{n} mensen vinden deze pagina leuk',
};

export const messages: Messages = {
  commentCount,
  _empty: 'Nog geen reacties',
  _loading: 'Reacties laden…',
  _loadFailed: 'De reacties konden niet worden geladen.',
  _retry: 'Opnieuw proberen',
  _loadMore: 'Meer reacties laden',
  locked: 'Reacties zijn gesloten.',
  _deleted: 'Reactie verwijderd',
  _pending: 'Wacht op moderatie',
  _reply: 'Beantwoorden',
  _replyTo: 'Reageer op {name}',
  _formHeading: 'Laat een reactie achter',
  comment: 'Reactie',
  _commentHint: 'Je kunt Markdown gebruiken.',
  _sortBy: 'Sorteren op',
  _sorts: { oldest: 'Oudste eerst', newest: 'Nieuwste eerst', top: 'Meest gewaardeerd' },
  _likeComment: 'Ik vind de reactie van {name} leuk',
  _pageLikes: pageLikes,
  _likePage: 'Ik vind deze pagina leuk',
  pinned: 'Vastgezet',
  moderator: 'Moderator',
  _edited: 'bewerkt',
  _inReplyTo: 'Als antwoord op {name}',
  _moreReplies: 'Meer antwoorden tonen',
  _treeFailed: 'Dit gesprek kan niet worden weergegeven.',
  _edit: 'Bewerken',
  remove: 'Verwijderen',
  _write: 'Schrijven',
  _preview: 'Voorbeeld',
  _loadingMore: 'Laden…',
  _verified: 'Geverifieerd: ',
  errors: { network: 'De server is niet bereikbaar: controleer je verbinding en probeer het opnieuw.' },
};

/** The server's error codes, exported alone too: the sign-in part needs only these of the extras' strings. */
export const errorMessages: ExtraMessages['errors'] = {
  bad_request: 'Het verzoek is ongeldig.',
  unauthorized: 'Je hebt geen toestemming om dat te doen.',
  sign_in_required: 'Log in om te reageren.',
  forbidden: 'Je hebt geen toestemming om dat te doen.',
  challenge_failed: 'De controle tegen robots is mislukt: probeer het opnieuw.',
  origin_not_allowed: 'Reacties zijn niet toegestaan op deze site.',
  banned: 'Je kunt hier niet meer reageren.',
  edit_window_closed: 'De tijd om te bewerken is verstreken.',
  not_found: 'De reactie waarop je antwoordt, bestaat niet meer.',
  thread_locked: 'Reacties zijn gesloten.',
  payload_too_large: 'Je reactie is te lang.',
  unsupported_media_type: 'Het verzoek is ongeldig.',
  validation_failed: 'Controleer de gemarkeerde velden.',
  rate_limited: 'Te veel reacties tegelijk: wacht een minuut en probeer het opnieuw.',
  storage_unavailable: 'De server is even niet beschikbaar: probeer het opnieuw.',
  not_configured: 'Reacties zijn nog niet beschikbaar: de server ervoor is nog niet ingesteld.',
  internal: 'Er ging iets mis op de server: probeer het opnieuw.',
};

/** Loaded on first use, with the extras (lazy.tsx). */
export const extraMessages: ExtraMessages = {
  _posted: 'Je reactie is geplaatst.',
  _postedPending: 'Je reactie wacht op moderatie.',
  _editHeading: 'Je reactie bewerken',
  _save: 'Opslaan',
  _saved: 'Je reactie is bijgewerkt.',
  _confirmRemove: 'Deze reactie verwijderen? Dit kan niet ongedaan worden gemaakt.',
  _removed: 'Je reactie is verwijderd.',
  _previewEmpty: 'Er is niets om te tonen.',
  _repliesAdded: { one: '{n} antwoord toegevoegd', other: '{n} antwoorden toegevoegd' },
  errors: errorMessages,
  _fieldErrors: {
    name: 'Deze naam is te lang.',
    email: 'Dit e-mailadres is ongeldig.',
    website: 'Het adres moet beginnen met http:// of https://.',
    body: 'Schrijf een reactie (maximaal 10.000 tekens).',
  },
  _cancel: 'Annuleren',
  name: 'Naam',
  email: 'E-mailadres (optioneel)',
  _emailHint: 'Wordt nooit gepubliceerd.',
  website: 'Website (optioneel)',
  _submit: 'Reactie plaatsen',
  _honeypot: 'Laat dit veld leeg',
};

/** Loaded only where sign-in is offered, with the sign-in part (lazy.tsx, `loadAuth`). */
export const authMessages: AuthMessages = {
  _signIn: 'Inloggen',
  _guest: 'Reageren als gast',
  _signInWith: 'Inloggen met {name}',
  _signInFirst: 'Log in om te reageren.',
  _signedInAs: 'Ingelogd als {name}',
  _signOut: 'Uitloggen',
  _signedOut: 'Je bent uitgelogd.',
  _emailLabel: 'Je e-mailadres',
  _sendLink: 'Stuur me een inloglink',
  _linkSent: 'We hebben een inloglink naar {email} gestuurd: open de link in deze browser om in te loggen.',
  _popupBlocked: 'Het inlogvenster is geblokkeerd: sta pop-ups toe voor deze site en probeer het opnieuw.',
  _failed: 'Inloggen is niet gelukt: probeer het opnieuw.',
  _sessionEnded: 'Je sessie is verlopen: log opnieuw in.',
  account: 'Je account',
  ownComments: 'Je reacties',
  download: 'Je reacties downloaden',
  noComments: 'Je hebt nog niet gereageerd.',
  more: 'Meer',
  pending: 'Wacht op moderatie',
  erase: 'Mijn account en reacties verwijderen',
  eraseAll: 'Ja, alles verwijderen',
  erased: 'Je account en je reacties zijn verwijderd.',
};
