import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fillCounts } from '../../widget/src/boot/counts.ts';
import { reserveCss } from '../../widget/src/boot/reserve.ts';
import { isNear, whenNear } from '../../widget/src/boot/when-near.ts';
import { fakeFetch, json, origin } from './helpers.ts';

beforeEach(() => {
  localStorage.clear();
  document.body.innerHTML = '';
});
afterEach(() => vi.unstubAllGlobals());

describe('comment counts', () => {
  it('fills every count element from one request, in the page’s language', async () => {
    document.body.innerHTML = `
      <a data-causerie-count href="https://blog.example/a">Comments</a>
      <span data-causerie-count data-url="https://blog.example/b">Comments</span>
      <a data-causerie-count href="https://blog.example/a#comments">Comments</a>
      <span data-causerie-count data-url="https://blog.example/c">Comments</span>`;
    const requests = fakeFetch((request) =>
      json({
        counts: Object.fromEntries(
          request.url.searchParams.getAll('url').map((url, i) => [url, [3, 1, 0, 12][i] ?? 0]),
        ),
      }),
    );
    await fillCounts(document, origin, 'fr');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url.pathname).toBe('/api/v1/counts');
    expect(requests[0]?.url.searchParams.has('id')).toBe(false);
    expect([...document.querySelectorAll('[data-causerie-count]')].map((el) => el.textContent)).toEqual([
      '3 commentaires',
      '1 commentaire',
      '0 commentaire',
      '12 commentaires',
    ]);
  });

  it('pairs ids with urls by position once any element has one', async () => {
    document.body.innerHTML = `
      <a data-causerie-count href="https://blog.example/a">x</a>
      <a data-causerie-count data-id="post-7" href="https://blog.example/b">x</a>`;
    const requests = fakeFetch(() =>
      json({ counts: { 'https://blog.example/a': 1, 'https://blog.example/b': 2 } }),
    );
    await fillCounts(document, origin, 'en');
    expect(requests[0]?.url.searchParams.getAll('id')).toEqual(['', 'post-7']);
    expect(document.body.textContent?.replace(/\s+/g, ' ').trim()).toBe('1 comment 2 comments');
  });

  it('leaves the host’s text alone when the request fails, and asks nothing without count elements', async () => {
    document.body.innerHTML = '<a data-causerie-count href="https://blog.example/a">Comments</a>';
    fakeFetch(() => {
      throw new TypeError('offline');
    });
    await fillCounts(document, origin, 'fr');
    expect(document.body.textContent).toBe('Comments');
    document.body.innerHTML = '';
    const requests = fakeFetch(() => json({ counts: {} }));
    await fillCounts(document, origin, 'fr');
    expect(requests).toHaveLength(0);
  });
});

describe('lazy loading', () => {
  it('runs only once the element comes near the viewport', () => {
    let callback: IntersectionObserverCallback = () => {};
    const observed: Element[] = [];
    let options: IntersectionObserverInit | undefined;
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(cb: IntersectionObserverCallback, init?: IntersectionObserverInit) {
          callback = cb;
          options = init;
        }
        observe(element: Element) {
          observed.push(element);
        }
        disconnect() {}
      },
    );
    const element = document.createElement('div');
    const run = vi.fn();
    whenNear(element, run);
    expect(observed).toEqual([element]);
    expect(options?.rootMargin).toMatch(/px/);
    expect(run).not.toHaveBeenCalled();
    callback([{ isIntersecting: false } as IntersectionObserverEntry], {} as IntersectionObserver);
    expect(run).not.toHaveBeenCalled();
    callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('counts an element laid out within a screen and 1000 px as near, and a hidden or far one not', () => {
    const at = (top: number, height = 300) => {
      const element = document.createElement('div');
      element.getClientRects = () => [{ top, bottom: top + height, height }] as unknown as DOMRectList;
      return element;
    };
    expect(isNear(at(innerHeight + 500))).toBe(true);
    expect(isNear(at(-200))).toBe(true);
    expect(isNear(at(innerHeight + 5000))).toBe(false);
    // Not laid out yet (no height), or hidden (no box at all): left to the observer.
    expect(isNear(at(0, 0))).toBe(false);
    const hidden = document.createElement('div');
    hidden.getClientRects = () => [] as unknown as DOMRectList;
    expect(isNear(hidden)).toBe(false);
  });

  it('reserves the remembered height, never less than an empty thread, against hostile host rules', () => {
    const css = reserveCss(840);
    expect(css).toContain('min-height:max(840px');
    expect(css).toContain('display:block!important');
    expect(css).toContain('all:initial!important');
  });
});
