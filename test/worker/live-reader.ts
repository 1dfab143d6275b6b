/**
 * A live reader in worker tests: a WebSocket to GET /api/v1/live through the worker's own entry (so the
 * thread's Durable Object is the real one), every message kept in order, waits on messages, never on time.
 */
import { exports } from 'cloudflare:workers';
import { expect } from 'vitest';
import type { LiveEvent } from '../../worker/types/api.ts';
import { ORIGIN } from './helpers.ts';

/** A reader's socket: every message kept in order, and a way to wait for the next ones. */
export interface Reader {
  socket: WebSocket;
  events: LiveEvent[];
  /** Resolves with the n-th message (0-based) once it has arrived. */
  nth: (n: number) => Promise<LiveEvent>;
  closed: Promise<CloseEvent>;
}

export const connect = async (query: string): Promise<Reader> => {
  const res = await exports.default.fetch(
    new Request(`https://comments.example/api/v1/live?${query}`, {
      headers: { Upgrade: 'websocket', Origin: ORIGIN },
    }),
  );
  expect(res.status).toBe(101);
  const socket = res.webSocket as WebSocket;
  const events: LiveEvent[] = [];
  const waiting = new Map<number, (event: LiveEvent) => void>();
  socket.accept();
  socket.addEventListener('message', (message) => {
    const data = String(message.data);
    // JSON events, or the runtime's bare `pong` to a keep-alive.
    events.push(data.startsWith('{') ? JSON.parse(data) : (data as never));
    waiting.get(events.length - 1)?.(events.at(-1) as LiveEvent);
  });
  const closed = new Promise<CloseEvent>((resolve) => socket.addEventListener('close', resolve));
  const nth = (n: number) =>
    n < events.length
      ? Promise.resolve(events[n] as LiveEvent)
      : new Promise<LiveEvent>((resolve) => waiting.set(n, resolve));
  return { socket, events, nth, closed };
};
