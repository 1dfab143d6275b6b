/**
 * Italian strings. Register: "tu", as Italian comment sections and WordPress's it_IT speak to readers
 * ("Lascia un commento"); typographic apostrophes (’). Role badges name the function ("Moderazione").
 */
import type { AuthMessages, ExtraMessages, Messages, Plural } from './messages.ts';

/** Exported alone too: the boot script imports only this, to fill count links without the whole catalog. */
export const commentCount: Plural = { one: '{n} commento', other: '{n} commenti' };

/** Alone too: the watch of a server-rendered thread (causerie-watch.<lang>.js) redraws the page's likes. */
export const pageLikes: Plural = {
  one: 'A una persona piace questa pagina',
  other: 'A {n} persone piace questa pagina',
};

export const messages: Messages = {
  commentCount,
  _empty: 'Ancora nessun commento',
  _loading: 'Caricamento dei commenti…',
  _loadFailed: 'Impossibile caricare i commenti.',
  _retry: 'Riprova',
  _loadMore: 'Carica altri commenti',
  locked: 'I commenti sono chiusi.',
  _deleted: 'Commento eliminato',
  _pending: 'In attesa di moderazione',
  _reply: 'Rispondi',
  _replyTo: 'Rispondi a {name}',
  _formHeading: 'Lascia un commento',
  comment: 'Commento',
  _commentHint: 'Puoi usare Markdown.',
  _sortBy: 'Ordina per',
  _sorts: { oldest: 'Meno recenti', newest: 'Più recenti', top: 'Più apprezzati' },
  _likeComment: 'Mi piace il commento di {name}',
  _pageLikes: pageLikes,
  _likePage: 'Mi piace questa pagina',
  pinned: 'In evidenza',
  moderator: 'Moderazione',
  _edited: 'modificato',
  _inReplyTo: 'In risposta a {name}',
  _moreReplies: 'Mostra altre risposte',
  _treeFailed: 'Impossibile mostrare questa conversazione.',
  _edit: 'Modifica',
  remove: 'Elimina',
  _write: 'Scrivi',
  _preview: 'Anteprima',
  _loadingMore: 'Caricamento…',
  _verified: 'Verificato: ',
  errors: { network: 'Impossibile raggiungere il server: controlla la connessione e riprova.' },
};

/** The server's error codes, exported alone too: the sign-in part needs only these of the extras' strings. */
export const errorMessages: ExtraMessages['errors'] = {
  bad_request: 'La richiesta non è valida.',
  unauthorized: 'Non hai l’autorizzazione per farlo.',
  sign_in_required: 'Accedi per commentare.',
  forbidden: 'Non hai l’autorizzazione per farlo.',
  challenge_failed: 'Il controllo anti-robot non è riuscito: riprova.',
  origin_not_allowed: 'I commenti non sono consentiti su questo sito.',
  banned: 'Non puoi più commentare qui.',
  edit_window_closed: 'Il tempo per modificare è scaduto.',
  not_found: 'Il commento a cui rispondi non esiste più.',
  thread_locked: 'I commenti sono chiusi.',
  payload_too_large: 'Il tuo commento è troppo lungo.',
  unsupported_media_type: 'La richiesta non è valida.',
  validation_failed: 'Controlla i campi evidenziati.',
  rate_limited: 'Troppi commenti in poco tempo: aspetta un minuto e riprova.',
  storage_unavailable: 'Il server è momentaneamente non disponibile: riprova.',
  not_configured: 'I commenti non sono ancora disponibili: il loro server non è configurato.',
  internal: 'Si è verificato un errore sul server: riprova.',
};

/** Loaded on first use, with the extras (lazy.tsx). */
export const extraMessages: ExtraMessages = {
  _posted: 'Il tuo commento è stato pubblicato.',
  _postedPending: 'Il tuo commento è in attesa di moderazione.',
  _editHeading: 'Modifica il tuo commento',
  _save: 'Salva',
  _saved: 'Il tuo commento è stato aggiornato.',
  _confirmRemove: 'Eliminare questo commento? L’operazione non si può annullare.',
  _removed: 'Il tuo commento è stato eliminato.',
  _previewEmpty: 'Niente da mostrare in anteprima.',
  _repliesAdded: { one: '{n} risposta aggiunta', other: '{n} risposte aggiunte' },
  errors: errorMessages,
  _fieldErrors: {
    name: 'Questo nome è troppo lungo.',
    email: 'Questo indirizzo email non è valido.',
    website: 'L’indirizzo deve iniziare con http:// o https://.',
    body: 'Scrivi un commento (al massimo 10.000 caratteri).',
  },
  _cancel: 'Annulla',
  name: 'Nome',
  email: 'Email (facoltativa)',
  _emailHint: 'Non verrà mai pubblicata.',
  website: 'Sito web (facoltativo)',
  _submit: 'Pubblica il commento',
  _honeypot: 'Lascia vuoto questo campo',
};

/** Loaded only where sign-in is offered, with the sign-in part (lazy.tsx, `loadAuth`). */
export const authMessages: AuthMessages = {
  _signIn: 'Accedi',
  _guest: 'Commenta come ospite',
  _signInWith: 'Accedi con {name}',
  _signInFirst: 'Accedi per commentare.',
  _signedInAs: 'Accesso effettuato come {name}',
  _signOut: 'Esci',
  _signedOut: 'Disconnessione effettuata.',
  _emailLabel: 'Il tuo indirizzo email',
  _sendLink: 'Inviami un link di accesso',
  _linkSent: 'Abbiamo inviato un link di accesso a {email}: aprilo in questo browser per accedere.',
  _popupBlocked: 'La finestra di accesso è stata bloccata: consenti i pop-up per questo sito e riprova.',
  _failed: 'Accesso non riuscito: riprova.',
  _sessionEnded: 'La tua sessione è scaduta: accedi di nuovo.',
  account: 'Il tuo account',
  ownComments: 'I tuoi commenti',
  download: 'Scarica i tuoi commenti',
  noComments: 'Non hai ancora commentato.',
  more: 'Altri',
  pending: 'In attesa di moderazione',
  erase: 'Elimina il mio account e i miei commenti',
  eraseAll: 'Sì, elimina tutto',
  erased: 'Il tuo account e i tuoi commenti sono stati eliminati.',
};
