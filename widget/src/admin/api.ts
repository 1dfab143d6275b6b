/**
 * The admin API (API.md, "Moderation endpoints"), each call returning a typed result instead of throwing:
 * callers act on `code`, never on message text, and a network failure is one more code. Every call sends
 * the token as `Authorization: Bearer`; a 401 also tells the page (`onUnauthorized`) so it can ask again.
 */
import type { ErrorCode, FieldError, Problem } from '../../../worker/types/api.ts';
import type {
  AdminComment,
  AdminThread,
  AuditEntry,
  Ban,
  BulkAction,
  CommentPage,
  CommentPatch,
  Counts,
  ImportFormat,
  ImportResult,
  NewBan,
  QueueQuery,
  ThreadPatch,
} from './types.ts';

export interface AdminError {
  /** `network`: no HTTP answer at all. */
  code: ErrorCode | 'network';
  /** The server's own explanation, when it gave one. */
  detail?: string;
  fields: FieldError[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AdminError };

export interface Paged {
  limit?: number;
  cursor?: string;
}

const toError = async (response: Response): Promise<AdminError> => {
  try {
    const problem = (await response.json()) as Partial<Problem>;
    if (typeof problem.code === 'string') {
      return {
        code: problem.code,
        fields: problem.errors ?? [],
        ...(problem.detail && { detail: problem.detail }),
      };
    }
  } catch {
    // not JSON (a proxy's error page): fall through
  }
  return { code: response.status === 401 ? 'unauthorized' : 'internal', fields: [] };
};

const query = (params: object): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** XML formats go as XML, the JSON ones as JSON: the import route checks the type (415 otherwise). */
export const importType = (format: ImportFormat): string =>
  format === 'wxr' || format === 'disqus' ? 'application/xml' : 'application/json';

export interface AdminApiOptions {
  token: string;
  /** Where the API lives; the page's own origin by default (the admin page is served by the worker). */
  base?: string;
  onUnauthorized?: () => void;
}

/**
 * @example
 * const api = createAdminApi({ token, onUnauthorized: () => setToken(null) });
 * const counts = await api.counts();
 * if (counts.ok) console.log(counts.value.pending);
 */
export const createAdminApi = ({ token, base = '/api/v1/admin', onUnauthorized }: AdminApiOptions) => {
  const call = async <T>(
    path: string,
    init: { method?: string; json?: unknown; body?: BodyInit; type?: string } = {},
    read: (response: Response) => Promise<T> = (response) => response.json() as Promise<T>,
  ): Promise<Result<T>> => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    let body = init.body;
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.type) headers['Content-Type'] = init.type;
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { method: init.method ?? 'GET', headers, body });
    } catch {
      return { ok: false, error: { code: 'network', fields: [] } };
    }
    if (!response.ok) {
      const error = await toError(response);
      if (response.status === 401) onUnauthorized?.();
      return { ok: false, error };
    }
    try {
      return { ok: true, value: response.status === 204 ? (null as T) : await read(response) };
    } catch {
      return { ok: false, error: { code: 'network', fields: [] } }; // the body was cut off
    }
  };

  return {
    counts: () => call<{ counts: Counts }>('/comments/counts'),
    queue: (q: QueueQuery) => call<CommentPage>(`/comments${query(q)}`),
    patchComment: (id: string, patch: CommentPatch) =>
      call<{ comment: AdminComment }>(`/comments/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        json: patch,
      }),
    eraseComment: (id: string) => call<null>(`/comments/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    bulk: (ids: string[], action: BulkAction) =>
      call<{ updated: number }>('/comments/bulk', { method: 'POST', json: { ids, action } }),
    reply: (parentId: string, body: string, name?: string) =>
      call<{ comment: AdminComment }>('/comments', {
        method: 'POST',
        json: { parentId, body, ...(name && { name }) },
      }),
    threads: (page: Paged = {}) =>
      call<{ threads: AdminThread[]; nextCursor: string | null }>(`/threads${query(page)}`),
    patchThread: (patch: ThreadPatch) =>
      call<{ thread: AdminThread; merged: boolean }>('/threads', { method: 'PATCH', json: patch }),
    bans: () => call<{ bans: Ban[] }>('/bans'),
    addBan: (ban: NewBan) => call<{ bans: Ban[] }>('/bans', { method: 'POST', json: ban }),
    liftBan: (id: string) => call<null>(`/bans/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    audit: (page: Paged = {}) =>
      call<{ entries: AuditEntry[]; nextCursor: string | null }>(`/audit${query(page)}`),
    exportFile: () => call<Blob>('/export', {}, (response) => response.blob()),
    importFile: (format: ImportFormat, file: Blob) =>
      call<ImportResult>(`/import${query({ format })}`, {
        method: 'POST',
        body: file,
        type: importType(format),
      }),
  };
};

export type AdminApi = ReturnType<typeof createAdminApi>;
