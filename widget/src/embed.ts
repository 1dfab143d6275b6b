/**
 * The entry of embed.js: reads its own `<script>` tag, mounts the thread it describes, and exposes
 * `window.Causerie.mount` for single-page apps (DESIGN.md, "Embed contract"). Defensive and idempotent:
 * it never throws on the host page, and running it twice mounts nothing twice.
 */
import { findContainer, type MountInput, resolveOptions, scriptOptions } from './config.ts';
import { type MountHandle, mount } from './mount.tsx';

declare global {
  interface Window {
    Causerie?: { mount: (element: Element, options?: MountInput) => MountHandle };
  }
}

// Must be read synchronously: `currentScript` is null once this first run of the script is over. The
// fallback covers a copy of the script executed some other way (it is then null from the start).
const script = (document.currentScript ??
  document.querySelector('script[src$="/embed.js"]')) as HTMLScriptElement | null;

if (script) {
  const origin = new URL(script.src, document.baseURI).origin;
  // A second copy of the script keeps the first one's API: same behaviour, one global.
  window.Causerie ??= {
    mount: (element, input = {}) => mount(element, resolveOptions(input, document, origin)),
  };

  const boot = () => {
    try {
      const container = findContainer(script, document);
      if (container) mount(container, scriptOptions(script, document));
      // An async script can run before the parser reaches its `data-target`: try once more when it has.
      else if (document.readyState === 'loading')
        document.addEventListener('DOMContentLoaded', boot, { once: true });
    } catch (error) {
      console.error('Causerie:', error); // a broken widget must not break the host page
    }
  };
  boot();
}
