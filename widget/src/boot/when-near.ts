/** Runs a callback once an element comes near the viewport: the lazy part of "lazy loading". */

/**
 * How near counts: about a screen ahead, so the app and its first page are usually in before the reader
 * scrolls to them (and any size change happens off screen, where it is not a layout shift).
 */
export const nearMargin = '1000px 0px';

/**
 * Returns a function that stops watching. No fallback for a browser without IntersectionObserver: every
 * browser that parses embed.js (its `??=` needs Chrome 85, Firefox 79, Safari 14) has it.
 */
export const whenNear = (element: Element, run: () => void): (() => void) => {
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        run();
      }
    },
    { rootMargin: nearMargin },
  );
  observer.observe(element);
  return () => observer.disconnect();
};
