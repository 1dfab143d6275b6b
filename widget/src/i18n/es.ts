/**
 * Spanish strings, neutral between Spain and the Americas. Register: "tú", as Spanish comment sections and
 * WordPress's es_ES speak to readers (no "vosotros", no "vos"); questions open with ¿ (RAE); a colon is
 * followed by lowercase. Role badges name the function ("Moderación"), not a gendered person.
 */
import type { AuthMessages, ExtraMessages, Messages, Plural } from './messages.ts';

/** Exported alone too: the boot script imports only this, to fill count links without the whole catalog. */
export const commentCount: Plural = { one: '{n} comentario', other: '{n} comentarios' };

/** Alone too: the watch of a server-rendered thread (causerie-watch.<lang>.js) redraws the page's likes. */
export const pageLikes: Plural = {
  one: 'A una persona le gusta esta página',
  other: 'A {n} personas les gusta esta página',
};

export const messages: Messages = {
  commentCount,
  _empty: 'Todavía no hay comentarios',
  _loading: 'Cargando comentarios…',
  _loadFailed: 'No se pudieron cargar los comentarios.',
  _retry: 'Reintentar',
  _loadMore: 'Cargar más comentarios',
  locked: 'Los comentarios están cerrados.',
  _deleted: 'Comentario eliminado',
  _pending: 'Pendiente de moderación',
  _reply: 'Responder',
  _replyTo: 'Responder a {name}',
  _formHeading: 'Deja un comentario',
  comment: 'Comentario',
  _commentHint: 'Puedes usar Markdown.',
  _sortBy: 'Ordenar por',
  _sorts: { oldest: 'Más antiguos', newest: 'Más recientes', top: 'Más populares' },
  _likeComment: 'Me gusta el comentario de {name}',
  _pageLikes: pageLikes,
  _likePage: 'Me gusta esta página',
  pinned: 'Fijado',
  moderator: 'Moderación',
  _edited: 'editado',
  _inReplyTo: 'En respuesta a {name}',
  _moreReplies: 'Mostrar más respuestas',
  _treeFailed: 'No se pudo mostrar esta conversación.',
  _edit: 'Editar',
  remove: 'Eliminar',
  _write: 'Escribir',
  _preview: 'Vista previa',
  _loadingMore: 'Cargando…',
  _verified: 'Verificado: ',
  errors: { network: 'No se pudo conectar con el servidor: comprueba tu conexión y vuelve a intentarlo.' },
};

/** The server's error codes, exported alone too: the sign-in part needs only these of the extras' strings. */
export const errorMessages: ExtraMessages['errors'] = {
  bad_request: 'La solicitud no es válida.',
  unauthorized: 'No tienes permiso para hacer eso.',
  sign_in_required: 'Inicia sesión para comentar.',
  forbidden: 'No tienes permiso para hacer eso.',
  challenge_failed: 'La verificación contra robots ha fallado: vuelve a intentarlo.',
  origin_not_allowed: 'No se permiten comentarios en este sitio.',
  banned: 'Ya no puedes comentar aquí.',
  edit_window_closed: 'El plazo para editar ha terminado.',
  not_found: 'El comentario al que respondes ya no existe.',
  thread_locked: 'Los comentarios están cerrados.',
  payload_too_large: 'Tu comentario es demasiado largo.',
  unsupported_media_type: 'La solicitud no es válida.',
  validation_failed: 'Revisa los campos marcados.',
  rate_limited: 'Demasiados comentarios seguidos: espera un minuto y vuelve a intentarlo.',
  storage_unavailable: 'El servidor no está disponible en este momento: vuelve a intentarlo.',
  not_configured: 'Los comentarios aún no están disponibles: su servidor no está configurado.',
  internal: 'Algo ha fallado en el servidor: vuelve a intentarlo.',
};

/** Loaded on first use, with the extras (lazy.tsx). */
export const extraMessages: ExtraMessages = {
  _posted: 'Tu comentario ha sido publicado.',
  _postedPending: 'Tu comentario está pendiente de moderación.',
  _editHeading: 'Editar tu comentario',
  _save: 'Guardar',
  _saved: 'Tu comentario ha sido actualizado.',
  _confirmRemove: '¿Eliminar este comentario? No se puede deshacer.',
  _removed: 'Tu comentario ha sido eliminado.',
  _previewEmpty: 'No hay nada que previsualizar.',
  _repliesAdded: { one: '{n} respuesta añadida', other: '{n} respuestas añadidas' },
  errors: errorMessages,
  _fieldErrors: {
    name: 'Este nombre es demasiado largo.',
    email: 'Esta dirección de correo no es válida.',
    website: 'La dirección debe empezar por http:// o https://.',
    body: 'Escribe un comentario (10.000 caracteres como máximo).',
  },
  _cancel: 'Cancelar',
  name: 'Nombre',
  email: 'Correo electrónico (opcional)',
  _emailHint: 'Nunca se publicará.',
  website: 'Sitio web (opcional)',
  _submit: 'Publicar comentario',
  _honeypot: 'Deja este campo vacío',
};

/** Loaded only where sign-in is offered, with the sign-in part (lazy.tsx, `loadAuth`). */
export const authMessages: AuthMessages = {
  _signIn: 'Iniciar sesión',
  _guest: 'Comentar como invitado',
  _signInWith: 'Iniciar sesión con {name}',
  _signInFirst: 'Inicia sesión para comentar.',
  _signedInAs: 'Sesión iniciada como {name}',
  _signOut: 'Cerrar sesión',
  _signedOut: 'Has cerrado sesión.',
  _emailLabel: 'Tu correo electrónico',
  _sendLink: 'Enviarme un enlace de acceso',
  _linkSent: 'Hemos enviado un enlace de acceso a {email}: ábrelo en este navegador para iniciar sesión.',
  _popupBlocked:
    'Se ha bloqueado la ventana de inicio de sesión: permite las ventanas emergentes en este sitio y vuelve a intentarlo.',
  _failed: 'No se pudo iniciar sesión: vuelve a intentarlo.',
  _sessionEnded: 'Tu sesión ha expirado: vuelve a iniciar sesión.',
  account: 'Tu cuenta',
  ownComments: 'Tus comentarios',
  download: 'Descargar tus comentarios',
  noComments: 'Todavía no has comentado.',
  more: 'Más',
  pending: 'Pendiente de moderación',
  erase: 'Eliminar mi cuenta y mis comentarios',
  eraseAll: 'Sí, eliminar todo',
  erased: 'Tu cuenta y tus comentarios han sido eliminados.',
};
