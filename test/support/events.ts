import type { EventEmitter } from 'node:events';

/**
 * Resolves with what `find` answers as soon as it answers something (not undefined or false), checked
 * at once and on each `event` of `emitter`: a wait on events, never on a clock. After `timeoutMs`,
 * rejects with `failure()` (what had arrived by then).
 */
export const until = <T>(
  emitter: EventEmitter,
  event: string,
  find: () => T | undefined | false,
  timeoutMs: number,
  failure: () => string,
): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const check = () => {
      const found = find();
      if (found === undefined || found === false) return;
      clearTimeout(timer);
      emitter.off(event, check);
      resolve(found);
    };
    const timer = setTimeout(() => {
      emitter.off(event, check);
      reject(new Error(failure()));
    }, timeoutMs);
    emitter.on(event, check);
    check();
  });
