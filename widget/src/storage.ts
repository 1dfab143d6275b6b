/**
 * What the widget keeps in the reader's localStorage, all under the `causerie:` prefix: the reader's
 * identity, drafts, edit tokens, and the signed-in reader's session. localStorage can be missing or throw (Safari private mode, storage
 * disabled, quota), so every access is guarded: the widget must work without it, only forgetting more.
 */
import type { CreatedComment, SessionUser } from '../../worker/types/api.ts';

const prefix = 'causerie:';

const read = <T>(key: string): T | undefined => {
  try {
    const raw = localStorage.getItem(prefix + key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
};

const write = (key: string, value: unknown): void => {
  try {
    if (value === undefined) localStorage.removeItem(prefix + key);
    else localStorage.setItem(prefix + key, JSON.stringify(value));
  } catch {
    // full or forbidden: nothing to do but forget
  }
};

export interface Identity {
  name: string;
  email: string;
  website: string;
}

export const loadIdentity = (): Identity => ({
  name: '',
  email: '',
  website: '',
  ...read<Identity>('author'),
});
export const saveIdentity = (identity: Identity): void => write('author', identity);

export interface Draft {
  body: string;
  /** Kept with the draft so a retry, even after a reload, cannot post the same comment twice. */
  clientId: string;
}

/** One draft per thread and per comment replied to. */
export const draftKey = (thread: string, parentId: string | null): string =>
  `draft:${thread}#${parentId ?? ''}`;

/** No `clientId` yet when only the app's form (components/comment-form.tsx) has saved it. */
export const loadDraft = (key: string): Partial<Draft> | undefined => read<Partial<Draft>>(key);
export const saveDraft = (key: string, draft: Partial<Draft> | undefined): void => write(key, draft);

/** The proof of authorship of one comment, and the Markdown the reader typed. */
export interface EditToken {
  editToken: string;
  editableUntil: string;
  body?: string;
}

type EditTokens = Record<string, EditToken>;

/**
 * Remembers the proof of authorship, and the Markdown the reader typed (the API only returns HTML), for
 * edit and delete. One map, pruned of expired tokens on every write, so it never grows past the comments
 * posted in the last edit window.
 */
export const saveEditToken = (
  { comment, editToken, editableUntil }: CreatedComment,
  body?: string,
  now = Date.now(),
): void => {
  const tokens = read<EditTokens>('edit') ?? {};
  for (const [id, token] of Object.entries(tokens)) {
    if (Date.parse(token.editableUntil) <= now) delete tokens[id];
  }
  tokens[comment.id] = { editToken, editableUntil, ...(body === undefined ? {} : { body }) };
  write('edit', tokens);
};

/** The token of a comment this reader wrote, while its edit window is open. */
export const loadEditToken = (commentId: string, now = Date.now()): EditTokens[string] | undefined => {
  const token = read<EditTokens>('edit')?.[commentId];
  return token && Date.parse(token.editableUntil) > now ? token : undefined;
};

/** After an edit (new body) or a delete (`undefined`: the token is of no further use). */
export const updateEditToken = (commentId: string, body: string | undefined): void => {
  const tokens = read<EditTokens>('edit') ?? {};
  const token = tokens[commentId];
  if (!token) return;
  if (body === undefined) delete tokens[commentId];
  else token.body = body;
  write('edit', tokens);
};

/**
 * The reader's opaque id, sent with likes and posts (the server keys likes, rate limits and bans on it).
 * Random, made on first use, never tied to a name: clearing site data makes a new reader.
 */
export const readerId = (make: () => string): string => {
  const stored = read<string>('reader');
  if (typeof stored === 'string' && /^[\w-]{8,64}$/.test(stored)) return stored;
  const id = make();
  write('reader', id);
  return id;
};

/** The server does not say what this reader liked, so the widget remembers: comment ids and `page:<key>`. */
const likedLimit = 500;

export const isLiked = (key: string): boolean => (read<string[]>('liked') ?? []).includes(key);

export const setLiked = (key: string, liked: boolean): void => {
  const list = (read<string[]>('liked') ?? []).filter((item) => item !== key);
  if (liked) list.push(key);
  // Oldest first out: a long-time reader's list stays a few KB.
  write('liked', list.slice(-likedLimit));
};

/** The reader's chosen order, for every thread on every site using this deployment. */
export const loadSort = (): string | undefined => read<string>('sort');
export const saveSort = (sort: string): void => write('sort', sort);

/**
 * The height each thread last had on this device, so the boot script can reserve exactly that much room
 * before the app arrives (no layout shift on a return visit). Only the 50 most recent threads are kept.
 */
export const loadHeight = (thread: string): number => read<Record<string, number>>('heights')?.[thread] ?? 0;

export const saveHeight = (thread: string, height: number): void => {
  const heights = read<Record<string, number>>('heights') ?? {};
  delete heights[thread]; // re-inserted last: object key order is insertion order
  heights[thread] = Math.round(height);
  write('heights', Object.fromEntries(Object.entries(heights).slice(-50)));
};

/**
 * The signed-in reader (issue 13), one per deployment: the key names the worker's origin, since a page may
 * embed two. `sso`: the tail of the host site's SSO token this session came from (a fragment of its
 * signature, not a usable token), so the same token is not exchanged again on every mount.
 */
export interface Session {
  token: string;
  /** `avatar`: the seed of the account's comments (GET /me has it, an SSO answer not). */
  user: SessionUser & { avatar?: string };
  sso?: string;
}

/**
 * Fired on the page when a session is saved or forgotten: the extras (a 401 on a post) and the sign-in part
 * are separate bundles, each with its own copy of this module, so they hear of each other through `window`.
 */
export const sessionEvent = 'causerie-session';

export const loadSession = (origin: string): Session | undefined => {
  const session = read<Session>(`session:${origin}`);
  return typeof session?.token === 'string' && session.user ? session : undefined;
};

export const saveSession = (origin: string, session: Session | undefined): void => {
  write(`session:${origin}`, session);
  dispatchEvent(new Event(sessionEvent));
};

/** The last data-mastodon sent (widget/src/mastodon-link.ts): one record, the thread it was for. */
export interface MastodonSent {
  thread: string;
  toot: string;
  at: number;
}
export const loadMastodonSent = (): MastodonSent | undefined => read<MastodonSent>('mastodon');
export const saveMastodonSent = (sent: MastodonSent): void => write('mastodon', sent);
