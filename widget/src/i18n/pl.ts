/**
 * Polish strings. Register: "ty" (imperatives "Spróbuj", "Dodaj"), as Polish comment sections speak to
 * readers, with no gendered past tense addressed to the reader ("napisałeś/napisałaś"): passive or
 * impersonal forms instead. A name cannot be declined by a template, so it stands in the nominative after
 * "użytkownika/użytkownikowi", the usual Polish UI idiom. Four plural forms (CLDR: one 1, few 2–4 and
 * 22–24…, many 0 and 5–21…, other fractions); numbers group with a no-break space (10 000).
 */
import type { AuthMessages, ExtraMessages, Messages, Plural } from './messages.ts';

/** Exported alone too: the boot script imports only this, to fill count links without the whole catalog. */
export const commentCount: Plural = {
  one: '{n} komentarz',
  few: '{n} komentarze',
  many: '{n} komentarzy',
  other: '{n} komentarza',
};

/** Alone too: the watch of a server-rendered thread (causerie-watch.<lang>.js) redraws the page's likes. */
export const pageLikes: Plural = {
  one: '{n} osoba lubi tę stronę',
  few: '{n} osoby lubią tę stronę',
  many: '{n} osób lubi tę stronę',
  other: '{n} osoby lubi tę stronę',
};

export const messages: Messages = {
  commentCount,
  _empty: 'Nie ma jeszcze komentarzy',
  _loading: 'Wczytywanie komentarzy…',
  _loadFailed: 'Nie udało się wczytać komentarzy.',
  _retry: 'Spróbuj ponownie',
  _loadMore: 'Wczytaj więcej komentarzy',
  locked: 'Komentowanie jest wyłączone.',
  _deleted: 'Komentarz usunięty',
  _pending: 'Oczekuje na moderację',
  _reply: 'Odpowiedz',
  _replyTo: 'Odpowiedz użytkownikowi {name}',
  _formHeading: 'Dodaj komentarz',
  comment: 'Komentarz',
  _commentHint: 'Możesz używać składni Markdown.',
  _sortBy: 'Sortuj według',
  _sorts: { oldest: 'Od najstarszych', newest: 'Od najnowszych', top: 'Najbardziej lubiane' },
  _likeComment: 'Polub komentarz użytkownika {name}',
  _pageLikes: pageLikes,
  _likePage: 'Polub tę stronę',
  pinned: 'Przypięty',
  moderator: 'Moderacja',
  _edited: 'edytowany',
  _inReplyTo: 'W odpowiedzi użytkownikowi {name}',
  _moreReplies: 'Pokaż więcej odpowiedzi',
  _treeFailed: 'Nie udało się wyświetlić tej rozmowy.',
  _edit: 'Edytuj',
  remove: 'Usuń',
  _write: 'Pisanie',
  _preview: 'Podgląd',
  _loadingMore: 'Wczytywanie…',
  _verified: 'Zweryfikowano: ',
  errors: { network: 'Nie można połączyć się z serwerem: sprawdź połączenie i spróbuj ponownie.' },
};

/** The server's error codes, exported alone too: the sign-in part needs only these of the extras' strings. */
export const errorMessages: ExtraMessages['errors'] = {
  bad_request: 'Nieprawidłowe żądanie.',
  unauthorized: 'Nie masz uprawnień do tej operacji.',
  sign_in_required: 'Zaloguj się, aby komentować.',
  forbidden: 'Nie masz uprawnień do tej operacji.',
  challenge_failed: 'Weryfikacja antyspamowa nie powiodła się: spróbuj ponownie.',
  origin_not_allowed: 'Komentarze nie są dozwolone na tej stronie.',
  banned: 'Nie możesz już tutaj komentować.',
  edit_window_closed: 'Czas na edycję minął.',
  not_found: 'Komentarz, na który odpowiadasz, już nie istnieje.',
  thread_locked: 'Komentowanie jest wyłączone.',
  payload_too_large: 'Komentarz jest za długi.',
  unsupported_media_type: 'Nieprawidłowe żądanie.',
  validation_failed: 'Sprawdź zaznaczone pola.',
  rate_limited: 'Zbyt wiele komentarzy naraz: odczekaj minutę i spróbuj ponownie.',
  storage_unavailable: 'Serwer jest chwilowo niedostępny: spróbuj ponownie.',
  not_configured: 'Komentarze nie są jeszcze dostępne: ich serwer nie został skonfigurowany.',
  internal: 'Wystąpił błąd serwera: spróbuj ponownie.',
};

/** Loaded on first use, with the extras (lazy.tsx). */
export const extraMessages: ExtraMessages = {
  _posted: 'Komentarz został opublikowany.',
  _postedPending: 'Komentarz oczekuje na moderację.',
  _editHeading: 'Edytuj komentarz',
  _save: 'Zapisz',
  _saved: 'Komentarz został zaktualizowany.',
  _confirmRemove: 'Usunąć ten komentarz? Tej operacji nie można cofnąć.',
  _removed: 'Komentarz został usunięty.',
  _previewEmpty: 'Brak treści do podglądu.',
  _repliesAdded: {
    one: 'Dodano {n} odpowiedź',
    few: 'Dodano {n} odpowiedzi',
    many: 'Dodano {n} odpowiedzi',
    other: 'Dodano {n} odpowiedzi',
  },
  errors: errorMessages,
  _fieldErrors: {
    name: 'Ta nazwa jest za długa.',
    email: 'Ten adres e-mail jest nieprawidłowy.',
    website: 'Adres musi zaczynać się od http:// lub https://.',
    body: 'Napisz komentarz (maksymalnie 10\u00a0000 znaków).',
  },
  _cancel: 'Anuluj',
  name: 'Nazwa',
  email: 'E-mail (opcjonalnie)',
  _emailHint: 'Nigdy nie zostanie opublikowany.',
  website: 'Strona internetowa (opcjonalnie)',
  _submit: 'Opublikuj komentarz',
  _honeypot: 'Zostaw to pole puste',
};

/** Loaded only where sign-in is offered, with the sign-in part (lazy.tsx, `loadAuth`). */
export const authMessages: AuthMessages = {
  _signIn: 'Zaloguj się',
  _guest: 'Komentuj jako gość',
  _signInWith: 'Zaloguj się przez {name}',
  _signInFirst: 'Zaloguj się, aby komentować.',
  _signedInAs: 'Zalogowano jako {name}',
  _signOut: 'Wyloguj się',
  _signedOut: 'Wylogowano.',
  _emailLabel: 'Twój adres e-mail',
  _sendLink: 'Wyślij mi link do logowania',
  _linkSent:
    'Link do logowania został wysłany na adres {email}: otwórz go w tej przeglądarce, aby się zalogować.',
  _popupBlocked:
    'Okno logowania zostało zablokowane: zezwól na wyskakujące okienka na tej stronie i spróbuj ponownie.',
  _failed: 'Logowanie nie powiodło się: spróbuj ponownie.',
  _sessionEnded: 'Sesja wygasła: zaloguj się ponownie.',
  account: 'Twoje konto',
  ownComments: 'Twoje komentarze',
  download: 'Pobierz swoje komentarze',
  noComments: 'Nie ma jeszcze komentarzy.',
  more: 'Więcej',
  pending: 'Oczekuje na moderację',
  erase: 'Usuń moje konto i komentarze',
  eraseAll: 'Tak, usuń wszystko',
  erased: 'Konto i komentarze zostały usunięte.',
};
