/**
 * Single-key shortcuts on the document (j, k, a, s…), quiet while the owner types: nothing fires from a
 * field, an editable element, or with Ctrl/Alt/Meta held (those belong to the browser).
 */
import { useEffect, useRef } from 'preact/hooks';

export type Shortcuts = Record<string, (event: KeyboardEvent) => void>;

const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * @example
 * useShortcuts({ j: next, k: previous, '?': () => setHelp(true) });
 */
export const useShortcuts = (shortcuts: Shortcuts): void => {
  // The latest handlers without re-adding the listener on every render.
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typing(event.target)) return;
      const handler = current.current[event.key];
      if (!handler) return;
      event.preventDefault(); // '/' would otherwise start the browser's quick find
      handler(event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
};
