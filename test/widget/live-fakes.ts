/**
 * The browser's WebSocket and IntersectionObserver as scripted stand-ins for the live parts' tests
 * (live.test.tsx, watch.test.ts): a socket opens, speaks and drops when told; `seen(true)` puts every
 * observed element on screen. The real ones run in test/e2e/live-threads.test.ts and watch-view.test.ts.
 */
import { vi } from 'vitest';
import type { LiveEvent } from '../../worker/types/api.ts';

/** A WebSocket the test drives: it opens, speaks and drops when told. */
export class ScriptedSocket {
  static all: ScriptedSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    ScriptedSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  _open() {
    this.readyState = 1;
    this.onopen?.();
  }
  _say(event: LiveEvent) {
    this.onmessage?.({ data: JSON.stringify(event) });
  }
  _drop() {
    this.readyState = 3;
    this.onclose?.();
  }
}

/** What the IntersectionObserver stand-in observes, and how the test moves it on or off screen. */
export const screenState = {
  seen: (_visible: boolean) => {},
  observing: false,
  /** Observers disconnected since the stubs were installed. */
  disconnected: 0,
};

/** Installs both stand-ins (undo with `vi.unstubAllGlobals()`). */
export const stubLiveGlobals = () => {
  ScriptedSocket.all = [];
  screenState.observing = false;
  screenState.disconnected = 0;
  vi.stubGlobal('WebSocket', ScriptedSocket);
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(private readonly callback: IntersectionObserverCallback) {}
      observe() {
        screenState.observing = true;
        screenState.seen = (visible) =>
          this.callback(
            [{ isIntersecting: visible } as IntersectionObserverEntry],
            this as unknown as IntersectionObserver,
          );
      }
      disconnect() {
        screenState.disconnected += 1;
      }
    },
  );
};
