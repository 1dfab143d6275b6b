/**
 * The admin API (API.md, "Moderation endpoints"), each call returning a typed result instead of throwing:
 * callers act on `code`, never on message text, and a network failure is one more code. Every call sends
 * the token as `Authorization: Bearer`; a 401 also tells the page (`onUnauthorized`) so it can ask again.
 */
import type {
  AdminComment,
  AdminStats,
  AdminThread,
  AuditEntry,
  Ban,
  BulkAction,
  CommentPage,
  CommentPatch,
  Counts,
  ImportFormat,
  ImportResult,
  MailPage,
  MailStatus,
  MastodonLink,
  MastodonRefresh,
  NewBan,
  QueueQuery,
  RuntimeSettings,
  RuntimeSettingsView,
  SpamFigures,
  StatsPeriod,
  ThreadPatch,
} from '../../../worker/types/api.ts';
import { type ApiError, type ApiResult, bearer, request } from '../http.ts';

/** The admin page's names for the shared client's results. */
export type AdminError = ApiError;
export type Result<T> = ApiResult<T>;

export interface Paged {
  limit?: number;
  cursor?: string;
}

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
    read?: (response: Response) => Promise<T>,
  ): Promise<Result<T>> => {
    const json = init.json !== undefined;
    const type = json ? 'application/json' : init.type;
    const result = await request<T>(
      `${base}${path}`,
      {
        method: init.method ?? 'GET',
        headers: { ...bearer(token), ...(type && { 'Content-Type': type }) },
        body: json ? JSON.stringify(init.json) : init.body,
      },
      read,
    );
    if (!result.ok && result.error.code === 'unauthorized') onUnauthorized?.();
    return result;
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
    // A thread's toot (issue 18): its link's state, link or re-link, unlink, fetch now.
    mastodon: (key: string) => call<{ mastodon: MastodonLink | null }>(`/threads/mastodon${query({ key })}`),
    linkMastodon: (key: string, url: string) =>
      call<{ mastodon: MastodonLink }>('/threads/mastodon', { method: 'PUT', json: { key, url } }),
    unlinkMastodon: (key: string) => call<null>(`/threads/mastodon${query({ key })}`, { method: 'DELETE' }),
    refreshMastodon: (key: string) =>
      call<{ refresh: MastodonRefresh; mastodon: MastodonLink | null }>('/threads/mastodon/refresh', {
        method: 'POST',
        json: { key },
      }),
    bans: () => call<{ bans: Ban[] }>('/bans'),
    addBan: (ban: NewBan) => call<{ bans: Ban[] }>('/bans', { method: 'POST', json: ban }),
    liftBan: (id: string) => call<null>(`/bans/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    audit: (page: Paged = {}) =>
      call<{ entries: AuditEntry[]; nextCursor: string | null }>(`/audit${query(page)}`),
    mail: (q: Paged & { status?: MailStatus | 'all' } = {}) => call<MailPage>(`/mail${query(q)}`),
    spam: (days: number) => call<SpamFigures>(`/spam${query({ days })}`),
    stats: (days: StatsPeriod) => call<AdminStats>(`/stats${query({ days })}`),
    settings: () => call<RuntimeSettingsView>('/settings'),
    /** `null` for a setting drops its override: wrangler.toml's value (or the default) applies again. */
    patchSettings: (patch: { [K in keyof RuntimeSettings]?: RuntimeSettings[K] | null }) =>
      call<RuntimeSettingsView>('/settings', { method: 'PATCH', json: patch }),
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
