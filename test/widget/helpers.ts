/** Test helpers for the widget: realistic API objects and a fake `fetch` that records what it was asked. */
import { vi } from 'vitest';
import type { WidgetOptions } from '../../widget/src/options.ts';
import type { Comment, CreatedComment, NewComment, Problem, ThreadPage } from '../../worker/types/api.ts';

export const origin = 'https://comments.example';

export const options = (overrides: Partial<WidgetOptions> = {}): WidgetOptions => ({
  origin,
  url: 'https://blog.example/post',
  title: 'Un article',
  lang: 'fr',
  theme: 'light',
  ...overrides,
});

let seq = 0;

export const comment = (overrides: Partial<Comment> = {}): Comment => ({
  id: `c${++seq}`,
  parentId: null,
  author: { name: 'Alice', website: null, avatar: 'a3f29b', moderator: false, verified: null },
  html: '<p>Bonjour</p>',
  createdAt: new Date(Date.now() - 3 * 60_000).toISOString(),
  editedAt: null,
  likes: 0,
  status: 'approved',
  pinned: false,
  kind: 'comment',
  ...overrides,
});

export const page = (comments: Comment[], overrides: Partial<ThreadPage> = {}): ThreadPage => ({
  thread: {
    key: 'https://blog.example/post',
    url: 'https://blog.example/post',
    title: 'Un article',
    commentCount: comments.filter((c) => c.status === 'approved').length,
    likes: 0,
    locked: false,
  },
  comments,
  nextCursor: null,
  ...overrides,
});

export const created = (c: Comment): CreatedComment => ({
  comment: c,
  editToken: `token-${c.id}`,
  editableUntil: new Date(Date.now() + 900_000).toISOString(),
});

export const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

export const problem = (body: Problem): Response =>
  new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

export interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  /** The parsed JSON body, if any. */
  body: unknown;
}

/** A handler answers a request; throwing a TypeError imitates a network failure, as `fetch` does. */
export type Handler = (request: Recorded) => Response | Promise<Response>;

/**
 * Replaces `globalThis.fetch` with `handler` and returns the list of requests it received, in order.
 * Undo with `vi.unstubAllGlobals()`.
 */
export const fakeFetch = (handler: Handler): Recorded[] => {
  const requests: Recorded[] = [];
  vi.stubGlobal('fetch', async (input: string | URL, init: RequestInit = {}) => {
    const request: Recorded = {
      method: init.method ?? 'GET',
      url: new URL(input),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    return handler(request);
  });
  return requests;
};

/** Answers a POST the way the worker does: the comment it describes, approved (or as `status` says). */
export const echoPost =
  (status: 'approved' | 'pending' = 'approved'): Handler =>
  (request) => {
    const body = request.body as NewComment;
    return json(
      created(
        comment({
          id: `new-${body.clientId}`,
          parentId: body.parentId ?? null,
          author: {
            name: body.author?.name ?? 'Anonyme',
            website: null,
            avatar: '00',
            moderator: false,
            verified: null,
          },
          html: `<p>${body.body}</p>`,
          createdAt: new Date().toISOString(),
          status,
        }),
      ),
      201,
    );
  };

/** The usual server: `GET /threads` answers `thread`; `POST /comments` answers with `posted()`. */
export const server =
  (thread: ThreadPage, posted?: (request: Recorded) => Response | Promise<Response>): Handler =>
  (request) => {
    if (request.method === 'GET' && request.url.pathname === '/api/v1/threads') return json(thread);
    if (request.method === 'POST' && request.url.pathname === '/api/v1/comments' && posted)
      return posted(request);
    return problem({ status: 404, code: 'not_found', title: 'Not found' });
  };

/**
 * happy-dom parses each `document.write` on its own (a template cut between two writes ends at the first),
 * where a browser's parser keeps its state from one write to the next: the view part streams the thread's
 * HTML through one (widget/src/boot/thread-html.ts), and that streaming is tested in Chromium
 * (test/e2e/reader-first-view.test.ts). Here the writes to a document made by `createHTMLDocument` are
 * kept and parsed in one go on `close()`, as a browser would have parsed them by then.
 */
export const parseWritesOnClose = () => {
  const { implementation } = document;
  const create = implementation.createHTMLDocument.bind(implementation);
  vi.spyOn(implementation, 'createHTMLDocument').mockImplementation((title?: string) => {
    const doc = create(title);
    const write = doc.write.bind(doc);
    let text = '';
    doc.write = (...parts: string[]) => {
      text += parts.join('');
    };
    doc.close = () => write(text);
    return doc;
  });
};
