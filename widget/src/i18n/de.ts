/**
 * German strings. Register: "du", as German comment sections and WordPress's de_DE speak to readers;
 * a colon followed by a whole sentence starts it with a capital (Duden); quotes would be „…“. Role
 * badges name the function ("Moderation"), not a gendered person.
 */
import type { AuthMessages, ExtraMessages, Messages, Plural } from './messages.ts';

/** Exported alone too: the boot script imports only this, to fill count links without the whole catalog. */
export const commentCount: Plural = { one: '{n} Kommentar', other: '{n} Kommentare' };

/** Alone too: the watch of a server-rendered thread (causerie-watch.<lang>.js) redraws the page's likes. */
export const pageLikes: Plural = {
  one: 'Diese Seite gefällt einer Person',
  other: 'Diese Seite gefällt {n} Personen',
};

export const messages: Messages = {
  commentCount,
  _empty: 'Noch keine Kommentare',
  _loading: 'Kommentare werden geladen\u00a0…',
  _loadFailed: 'Die Kommentare konnten nicht geladen werden.',
  _retry: 'Erneut versuchen',
  _loadMore: 'Weitere Kommentare laden',
  locked: 'Die Kommentare sind geschlossen.',
  _deleted: 'Kommentar gelöscht',
  _pending: 'Wartet auf Freigabe',
  _reply: 'Antworten',
  _replyTo: 'Antwort an {name}',
  _formHeading: 'Schreibe einen Kommentar',
  comment: 'Kommentar',
  _commentHint: 'Markdown wird unterstützt.',
  _sortBy: 'Sortieren nach',
  _sorts: { oldest: 'Älteste zuerst', newest: 'Neueste zuerst', top: 'Beliebteste' },
  _likeComment: 'Der Kommentar von {name} gefällt mir',
  _pageLikes: pageLikes,
  _likePage: 'Diese Seite gefällt mir',
  pinned: 'Angeheftet',
  moderator: 'Moderation',
  _edited: 'bearbeitet',
  _inReplyTo: 'Als Antwort an {name}',
  _moreReplies: 'Weitere Antworten anzeigen',
  _treeFailed: 'Diese Unterhaltung konnte nicht angezeigt werden.',
  _edit: 'Bearbeiten',
  remove: 'Löschen',
  _write: 'Schreiben',
  _preview: 'Vorschau',
  _loadingMore: 'Wird geladen\u00a0…',
  _verified: 'Verifiziert: ',
  errors: { network: 'Der Server ist nicht erreichbar: Prüfe deine Verbindung und versuche es erneut.' },
};

/** The server's error codes, exported alone too: the sign-in part needs only these of the extras' strings. */
export const errorMessages: ExtraMessages['errors'] = {
  bad_request: 'Die Anfrage war ungültig.',
  unauthorized: 'Dazu bist du nicht berechtigt.',
  sign_in_required: 'Melde dich an, um zu kommentieren.',
  forbidden: 'Dazu bist du nicht berechtigt.',
  challenge_failed: 'Die Prüfung gegen Bots ist fehlgeschlagen: Versuche es erneut.',
  origin_not_allowed: 'Auf dieser Website sind keine Kommentare erlaubt.',
  banned: 'Du kannst hier nicht mehr kommentieren.',
  edit_window_closed: 'Die Zeit zum Bearbeiten ist abgelaufen.',
  not_found: 'Der Kommentar, auf den du antwortest, existiert nicht mehr.',
  thread_locked: 'Die Kommentare sind geschlossen.',
  payload_too_large: 'Dein Kommentar ist zu lang.',
  unsupported_media_type: 'Die Anfrage war ungültig.',
  validation_failed: 'Bitte prüfe die markierten Felder.',
  rate_limited: 'Zu viele Kommentare auf einmal: Warte eine Minute und versuche es dann erneut.',
  storage_unavailable: 'Der Server ist gerade nicht verfügbar: Bitte versuche es gleich noch einmal.',
  not_configured: 'Kommentare sind noch nicht verfügbar: Der Server dafür ist noch nicht eingerichtet.',
  internal: 'Auf dem Server ist ein Fehler aufgetreten: Bitte versuche es erneut.',
};

/** Loaded on first use, with the extras (lazy.tsx). */
export const extraMessages: ExtraMessages = {
  _posted: 'Dein Kommentar wurde veröffentlicht.',
  _postedPending: 'Dein Kommentar wartet auf Freigabe.',
  _editHeading: 'Deinen Kommentar bearbeiten',
  _save: 'Speichern',
  _saved: 'Dein Kommentar wurde aktualisiert.',
  _confirmRemove: 'Diesen Kommentar löschen? Das lässt sich nicht rückgängig machen.',
  _removed: 'Dein Kommentar wurde gelöscht.',
  _previewEmpty: 'Nichts anzuzeigen.',
  _repliesAdded: { one: '{n} Antwort hinzugefügt', other: '{n} Antworten hinzugefügt' },
  errors: errorMessages,
  _fieldErrors: {
    name: 'Dieser Name ist zu lang.',
    email: 'Diese E-Mail-Adresse ist ungültig.',
    website: 'Die Adresse muss mit http:// oder https:// beginnen.',
    body: 'Schreibe einen Kommentar (höchstens 10.000 Zeichen).',
  },
  _cancel: 'Abbrechen',
  name: 'Name',
  email: 'E-Mail (optional)',
  _emailHint: 'Wird nie veröffentlicht.',
  website: 'Website (optional)',
  _submit: 'Kommentar abschicken',
  _honeypot: 'Dieses Feld leer lassen',
};

/** Loaded only where sign-in is offered, with the sign-in part (lazy.tsx, `loadAuth`). */
export const authMessages: AuthMessages = {
  _signIn: 'Anmelden',
  _guest: 'Als Gast kommentieren',
  _signInWith: 'Mit {name} anmelden',
  _signInFirst: 'Melde dich an, um zu kommentieren.',
  _signedInAs: 'Angemeldet als {name}',
  _signOut: 'Abmelden',
  _signedOut: 'Du bist abgemeldet.',
  _emailLabel: 'Deine E-Mail-Adresse',
  _sendLink: 'Anmeldelink per E-Mail senden',
  _linkSent:
    'Wir haben einen Anmeldelink an {email} gesendet: Öffne ihn in diesem Browser, um dich anzumelden.',
  _popupBlocked:
    'Das Anmeldefenster wurde blockiert: Erlaube Pop-ups für diese Website und versuche es erneut.',
  _failed: 'Die Anmeldung ist fehlgeschlagen: Versuche es erneut.',
  _sessionEnded: 'Deine Sitzung ist abgelaufen: Melde dich erneut an.',
  account: 'Dein Konto',
  ownComments: 'Deine Kommentare',
  download: 'Deine Kommentare herunterladen',
  noComments: 'Du hast noch nichts kommentiert.',
  more: 'Mehr',
  pending: 'Wartet auf Freigabe',
  erase: 'Mein Konto und meine Kommentare löschen',
  eraseAll: 'Ja, alles löschen',
  erased: 'Dein Konto und deine Kommentare wurden gelöscht.',
};
