/**
 * Portuguese strings, in Brazilian Portuguese (most of the language's readers; a `pt-PT.ts` would be picked
 * first for pt-PT, see count-forms.ts). Register: "você", with imperatives in the third person ("Deixe um
 * comentário"), which also read as polite in Portugal. Role badges name the function ("Moderação").
 */
import type { AuthMessages, ExtraMessages, Messages, Plural } from './messages.ts';

/** Exported alone too: the boot script imports only this, to fill count links without the whole catalog. */
export const commentCount: Plural = { one: '{n} comentário', other: '{n} comentários' };

/** Alone too: the watch of a server-rendered thread (causerie-watch.<lang>.js) redraws the page's likes. */
export const pageLikes: Plural = {
  one: '{n} pessoa curtiu esta página',
  other: '{n} pessoas curtiram esta página',
};

export const messages: Messages = {
  commentCount,
  _empty: 'Nenhum comentário ainda',
  _loading: 'Carregando comentários…',
  _loadFailed: 'Não foi possível carregar os comentários.',
  _retry: 'Tentar novamente',
  _loadMore: 'Carregar mais comentários',
  locked: 'Os comentários estão encerrados.',
  _deleted: 'Comentário excluído',
  _pending: 'Aguardando moderação',
  _reply: 'Responder',
  _replyTo: 'Responder a {name}',
  _formHeading: 'Deixe um comentário',
  comment: 'Comentário',
  _commentHint: 'Você pode usar Markdown.',
  _sortBy: 'Ordenar por',
  _sorts: { oldest: 'Mais antigos', newest: 'Mais recentes', top: 'Mais curtidos' },
  _likeComment: 'Curtir o comentário de {name}',
  _pageLikes: pageLikes,
  _likePage: 'Curtir esta página',
  pinned: 'Fixado',
  moderator: 'Moderação',
  _edited: 'editado',
  _inReplyTo: 'Em resposta a {name}',
  _moreReplies: 'Mostrar mais respostas',
  _treeFailed: 'Não foi possível exibir esta conversa.',
  _edit: 'Editar',
  remove: 'Excluir',
  _write: 'Escrever',
  _preview: 'Visualizar',
  _loadingMore: 'Carregando…',
  _verified: 'Verificado: ',
  errors: { network: 'Não foi possível conectar ao servidor: verifique sua conexão e tente novamente.' },
};

/** The server's error codes, exported alone too: the sign-in part needs only these of the extras' strings. */
export const errorMessages: ExtraMessages['errors'] = {
  bad_request: 'A solicitação é inválida.',
  unauthorized: 'Você não tem permissão para fazer isso.',
  sign_in_required: 'Entre na sua conta para comentar.',
  forbidden: 'Você não tem permissão para fazer isso.',
  challenge_failed: 'A verificação antirrobô falhou: tente novamente.',
  origin_not_allowed: 'Comentários não são permitidos neste site.',
  banned: 'Você não pode mais comentar aqui.',
  edit_window_closed: 'O prazo para editar terminou.',
  not_found: 'O comentário ao qual você está respondendo não existe mais.',
  thread_locked: 'Os comentários estão encerrados.',
  payload_too_large: 'Seu comentário é longo demais.',
  unsupported_media_type: 'A solicitação é inválida.',
  validation_failed: 'Verifique os campos destacados.',
  rate_limited: 'Muitos comentários seguidos: aguarde um minuto e tente novamente.',
  storage_unavailable: 'O servidor está indisponível no momento: tente novamente.',
  not_configured: 'Os comentários ainda não estão disponíveis: o servidor deles não está configurado.',
  internal: 'Algo deu errado no servidor: tente novamente.',
};

/** Loaded on first use, with the extras (lazy.tsx). */
export const extraMessages: ExtraMessages = {
  _posted: 'Seu comentário foi publicado.',
  _postedPending: 'Seu comentário está aguardando moderação.',
  _editHeading: 'Editar seu comentário',
  _save: 'Salvar',
  _saved: 'Seu comentário foi atualizado.',
  _confirmRemove: 'Excluir este comentário? Isso não pode ser desfeito.',
  _removed: 'Seu comentário foi excluído.',
  _previewEmpty: 'Nada para visualizar.',
  _repliesAdded: { one: '{n} resposta adicionada', other: '{n} respostas adicionadas' },
  errors: errorMessages,
  _fieldErrors: {
    name: 'Este nome é longo demais.',
    email: 'Este endereço de e-mail não é válido.',
    website: 'O endereço deve começar com http:// ou https://.',
    body: 'Escreva um comentário (no máximo 10.000 caracteres).',
  },
  _cancel: 'Cancelar',
  name: 'Nome',
  email: 'E-mail (opcional)',
  _emailHint: 'Nunca será publicado.',
  website: 'Site (opcional)',
  _submit: 'Publicar comentário',
  _honeypot: 'Deixe este campo vazio',
};

/** Loaded only where sign-in is offered, with the sign-in part (lazy.tsx, `loadAuth`). */
export const authMessages: AuthMessages = {
  _signIn: 'Entrar',
  _guest: 'Comentar como visitante',
  _signInWith: 'Entrar com {name}',
  _signInFirst: 'Entre na sua conta para comentar.',
  _signedInAs: 'Você entrou como {name}',
  _signOut: 'Sair',
  _signedOut: 'Você saiu da sua conta.',
  _emailLabel: 'Seu endereço de e-mail',
  _sendLink: 'Receber link de acesso por e-mail',
  _linkSent: 'Enviamos um link de acesso para {email}: abra-o neste navegador para entrar.',
  _popupBlocked: 'A janela de login foi bloqueada: permita pop-ups para este site e tente novamente.',
  _failed: 'Não foi possível entrar: tente novamente.',
  _sessionEnded: 'Sua sessão expirou: entre novamente.',
  account: 'Sua conta',
  ownComments: 'Seus comentários',
  download: 'Baixar seus comentários',
  noComments: 'Você ainda não comentou.',
  more: 'Mais',
  pending: 'Aguardando moderação',
  erase: 'Excluir minha conta e meus comentários',
  eraseAll: 'Sim, excluir tudo',
  erased: 'Sua conta e seus comentários foram excluídos.',
};
