/**
 * ThreadRoom: the Durable Object of one thread's live readers (issue 17), named by the thread's key
 * (`idFromName`). It holds their WebSockets and repeats to all of them what the worker tells it after a
 * write commits (services/live/notify.ts). It keeps no state that matters: every socket says `hello` with the
 * thread's count on connecting, so a reader who was away (a restart of this object, a network change)
 * reloads the thread from D1 instead of trusting what it heard.
 *
 * The WebSocket Hibernation API (`ctx.acceptWebSocket`, the `webSocket*` handlers): between events the
 * object is evicted from memory while its sockets stay open, and an idle object eligible for hibernation
 * is not billed for duration. The widget's keep-alive `ping` is answered by the runtime itself
 * (`setWebSocketAutoResponse`), so it never wakes the object either.
 * https://developers.cloudflare.com/durable-objects/best-practices/websockets/
 * https://developers.cloudflare.com/durable-objects/api/state/ (acceptWebSocket, getWebSockets,
 * setWebSocketAutoResponse) · https://developers.cloudflare.com/durable-objects/platform/pricing/
 */
import { DurableObject } from 'cloudflare:workers';
import type { Bindings } from '../env.ts';
import type { LiveEvent } from '../types/api.ts';

/** What the widget sends to keep a socket open through proxies, and the runtime's answer. */
export const LIVE_PING = 'ping';
export const LIVE_PONG = 'pong';

/** The header the worker passes the thread's comment count in, for the `hello` (the object reads no D1). */
export const COUNT_HEADER = 'X-Causerie-Comment-Count';

export class ThreadRoom extends DurableObject<Bindings> {
  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    // Set on every start (the constructor runs after each wake-up); answered without running this class.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(LIVE_PING, LIVE_PONG));
  }

  /** The upgrade, forwarded by GET /api/v1/live once it has checked the request. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
      return new Response(null, { status: 426, headers: { Upgrade: 'websocket' } });
    }
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server);
    const count = Number(request.headers.get(COUNT_HEADER));
    const hello: LiveEvent = {
      type: 'hello',
      commentCount: Number.isInteger(count) && count >= 0 ? count : 0,
    };
    server.send(JSON.stringify(hello));
    return new Response(null, { status: 101, webSocket: client });
  }

  /**
   * Tells every connected reader (an RPC from services/live/notify.ts). A socket that fails to take a
   * message (closing, gone) is skipped: the others still hear. Answers how many sockets were told.
   */
  async broadcast(events: LiveEvent[]): Promise<number> {
    const messages = events.map((event) => JSON.stringify(event));
    let told = 0;
    for (const socket of this.ctx.getWebSockets()) {
      try {
        for (const message of messages) socket.send(message);
        told += 1;
      } catch {
        // Closed between getWebSockets() and send(): its close handler cleans up.
      }
    }
    return told;
  }

  /** How many readers are connected (tests, and the owner's curiosity through `wrangler tail`). */
  async connections(): Promise<number> {
    return this.ctx.getWebSockets().length;
  }

  /** Readers send nothing but the keep-alive, which the runtime answers; anything else is ignored. */
  override async webSocketMessage(_socket: WebSocket, _message: string | ArrayBuffer): Promise<void> {}

  override async webSocketClose(socket: WebSocket, code: number, reason: string): Promise<void> {
    // Completes the closing handshake; a runtime that already answered it (web_socket_auto_reply_to_close)
    // makes this a no-op or a throw, both harmless. 1005/1006 are reserved: they cannot be sent back.
    try {
      socket.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
  }

  override async webSocketError(socket: WebSocket, error: unknown): Promise<void> {
    console.error('live socket error:', error);
    try {
      socket.close(1011, 'error');
    } catch {
      // already closed
    }
  }
}
