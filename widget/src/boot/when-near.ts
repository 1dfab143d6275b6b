/** Runs a callback once an element comes near the viewport: the lazy part of "lazy loading". */

/**
 * How near counts: about a screen ahead, so the app and its first page are usually in before the reader
 * scrolls to them (and any size change happens off screen, where it is not a layout shift).
 */
const NEAR_PX = 1000;
export const nearMargin = `${NEAR_PX}px 0px`;

/**
 * Whether the element is near already (a short post, a reader landing on the comments): the boot then
 * starts the thread's request in its own task. An observer reports only after the page's next rendering,
 * and on a slow phone that wait comes before the request could start. A hidden element has no box
 * (`getClientRects` is empty), and one without height is not laid out yet (the boot reserves the thread's
 * room first): both are left to the observer. A thread far above the viewport counts as near (a reload
 * scrolled past it): one request early, the cost of keeping the boot under its 2 KB.
 */
export const isNear = (element: Element): boolean => {
  const box = element.getClientRects()[0];
  return !!box?.height && box.top < innerHeight + NEAR_PX;
};

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
