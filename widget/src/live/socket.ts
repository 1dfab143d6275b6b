/**
 * One thread's WebSocket to GET /api/v1/live, kept open while it is wanted: reconnects with exponential
 * backoff and full jitter after a drop (so a restarted server is not hit by every reader at once), keeps the
 * connection alive with a `ping` the server's runtime answers without waking anything, and gives up for good,
 * silently, when sockets never open at all (a proxy or a policy that blocks WebSockets): no polling instead.
 */
import type { LiveEvent } from '../../../worker/types/api.ts';

/** After this many attempts in a row that never opened, WebSockets are taken to be blocked here. */
export const MAX_FAILURES = 5;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 60_000;
/** Below the ~100 s idle timeouts of common proxies and load balancers. */
export const PING_MS = 45_000;

export interface LiveSocket {
  /** Wanted or not: connects (now) or closes (now); a closed, unwanted socket stays closed. */
  _want: (wanted: boolean) => void;
  /** Closes for good. */
  _stop: () => void;
}

/** `wss://host/api/v1/live?url=…[&id=…]` from the API's origin (an `id` alone names a thread too). */
export const liveUrl = (origin: string, url?: string | null, id?: string): string => {
  const target = new URL('/api/v1/live', origin);
  target.protocol = target.protocol === 'https:' ? 'wss:' : 'ws:';
  if (url != null) target.searchParams.set('url', url);
  if (id) target.searchParams.set('id', id);
  return target.href;
};

/** Full jitter (AWS's "exponential backoff and jitter"): a random delay up to the capped exponential. */
export const backoff = (attempt: number, random = Math.random): number =>
  Math.round(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));

export const openLiveSocket = (address: string, onEvent: (event: LiveEvent) => void): LiveSocket => {
  let socket: WebSocket | null = null;
  let wanted = false;
  let stopped = false;
  // Attempts since the last one that opened; `everOpened`: sockets work here, so keep trying.
  let failures = 0;
  let everOpened = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let ping: ReturnType<typeof setInterval> | undefined;

  const close = () => {
    clearTimeout(retry);
    clearInterval(ping);
    if (socket) {
      // Closed on purpose: no retry, and nothing it still says is heard (a closed CONNECTING socket never
      // fires `open`).
      socket.onclose = socket.onmessage = null;
      socket.close(1000);
      socket = null;
    }
  };

  const connect = () => {
    if (socket || stopped || !wanted) return;
    let opened = false;
    let current: WebSocket;
    try {
      current = socket = new WebSocket(address);
    } catch {
      // A page policy (CSP connect-src) may refuse at once: the same as never opening.
      stopped = true;
      return;
    }
    current.onopen = () => {
      opened = everOpened = true;
      failures = 0;
      // Only a CONNECTING socket throws on send(); a closing or closed one counts the bytes and sends
      // nothing (https://websockets.spec.whatwg.org/#dom-websocket-send): no readyState check.
      ping = setInterval(() => current.send('ping'), PING_MS);
    };
    // Text frames only (the server sends nothing else), the events being JSON objects (`pong` is not).
    current.onmessage = ({ data }) => data[0] === '{' && onEvent(JSON.parse(data));
    current.onclose = () => {
      clearInterval(ping);
      socket = null;
      if (!opened && ++failures >= MAX_FAILURES && !everOpened) stopped = true;
      if (!stopped && wanted) retry = setTimeout(connect, backoff(failures));
    };
  };

  return {
    _want: (next) => {
      wanted = next;
      if (next) connect();
      else close();
    },
    _stop: () => {
      stopped = true;
      close();
    },
  };
};
