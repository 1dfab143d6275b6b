/**
 * What the widget keeps in the reader's localStorage, all under the `causerie:` prefix: the reader's
 * identity, drafts, and edit tokens. localStorage can be missing or throw (Safari private mode, storage
 * disabled, quota), so every access is guarded: the widget must work without it, only forgetting more.
 */
import type { CreatedComment } from '../../worker/types/api.ts';

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

export const loadDraft = (key: string): Draft | undefined => read<Draft>(key);
export const saveDraft = (key: string, draft: Draft | undefined): void => write(key, draft);

type EditTokens = Record<string, { editToken: string; editableUntil: string }>;

/**
 * Remembers the proof of authorship for the later edit and delete features. One map, pruned of expired
 * tokens on every write, so it never grows past the comments posted in the last edit window.
 */
export const saveEditToken = (
  { comment, editToken, editableUntil }: CreatedComment,
  now = Date.now(),
): void => {
  const tokens = read<EditTokens>('edit') ?? {};
  for (const [id, token] of Object.entries(tokens)) {
    if (Date.parse(token.editableUntil) <= now) delete tokens[id];
  }
  tokens[comment.id] = { editToken, editableUntil };
  write('edit', tokens);
};

export const loadEditToken = (commentId: string): EditTokens[string] | undefined =>
  read<EditTokens>('edit')?.[commentId];
