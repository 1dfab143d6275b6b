import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findContainer } from '../../widget/src/boot/find-container.ts';
import {
  pageUrl,
  resolveOptions,
  scriptInput,
  scriptOrigin,
  type WidgetOptions,
} from '../../widget/src/options.ts';

/** What embed.ts makes of its script tag: its one parser, resolved against the page, at the script's origin. */
const scriptOptions = (script: HTMLScriptElement, doc: Document): WidgetOptions =>
  resolveOptions(scriptInput(script), doc, scriptOrigin(script, doc));

/** A script tag as a host page would write it (not executed: it is built with createElement). */
const scriptTag = (data: Record<string, string> = {}, src = 'https://comments.example/embed.js') => {
  const script = document.createElement('script');
  script.setAttribute('src', src);
  script.type = 'text/plain'; // keep happy-dom from trying to load it
  for (const [key, value] of Object.entries(data)) script.dataset[key] = value;
  document.body.append(script);
  return script;
};

const addToHead = (html: string) => document.head.insertAdjacentHTML('beforeend', html);

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('lang');
  document.title = 'Le titre de la page';
});

afterEach(() => {
  document.documentElement.removeAttribute('lang');
});

describe('scriptOptions', () => {
  it('takes the API origin from the script’s own src', () => {
    const options = scriptOptions(scriptTag({}, 'https://comments.example:8443/embed.js?v=2'), document);
    expect(options.origin).toBe('https://comments.example:8443');
  });

  it('reads every data attribute of the embed contract', () => {
    const options = scriptOptions(
      scriptTag({
        id: 'post-42',
        url: 'https://blog.example/post',
        title: 'Un titre',
        lang: 'fr',
        theme: 'dark',
        sort: 'newest',
      }),
      document,
    );
    expect(options).toEqual({
      origin: 'https://comments.example',
      id: 'post-42',
      url: 'https://blog.example/post',
      title: 'Un titre',
      lang: 'fr',
      theme: 'dark',
      sort: 'newest',
    });
  });

  it('falls back to the document title, a light theme and the server’s sort', () => {
    const options = scriptOptions(scriptTag(), document);
    expect(options.title).toBe('Le titre de la page');
    expect(options.theme).toBe('light');
    expect(options).not.toHaveProperty('sort');
    expect(options).not.toHaveProperty('id');
  });

  it('ignores a theme or sort outside the contract', () => {
    const options = scriptOptions(scriptTag({ theme: 'neon', sort: 'random' }), document);
    expect(options.theme).toBe('light');
    expect(options).not.toHaveProperty('sort');
  });

  it('accepts theme auto', () => {
    expect(scriptOptions(scriptTag({ theme: 'auto' }), document).theme).toBe('auto');
  });

  it('reads the host site’s SSO token from data-sso (issue 13)', () => {
    const options = scriptOptions(scriptTag({ sso: 'header.payload.signature' }), document);
    expect(options.sso).toBe('header.payload.signature');
    expect(scriptOptions(scriptTag(), document).sso).toBeUndefined();
  });

  it('reads only the documented attributes: data-origin cannot move the API', () => {
    const script = scriptTag({ origin: 'https://evil.example', foo: 'bar', loading: 'eager', lang: 'fr' });
    expect(scriptInput(script)).toEqual({ lang: 'fr', loading: 'eager' });
    expect(scriptOptions(script, document).origin).toBe('https://comments.example');
  });
});

describe('page URL', () => {
  it('prefers data-url over everything the page says', () => {
    addToHead('<link rel="canonical" href="https://blog.example/canonical">');
    expect(scriptOptions(scriptTag({ url: 'https://blog.example/given' }), document).url).toBe(
      'https://blog.example/given',
    );
  });

  it('uses <link rel=canonical> first', () => {
    addToHead('<meta property="og:url" content="https://blog.example/og">');
    addToHead('<link rel="canonical" href="https://blog.example/canonical">');
    expect(pageUrl(document)).toBe('https://blog.example/canonical');
  });

  it('uses og:url when there is no canonical link', () => {
    addToHead('<meta property="og:url" content="https://blog.example/og">');
    expect(pageUrl(document)).toBe('https://blog.example/og');
  });

  it('uses the location when the page names no URL', () => {
    expect(pageUrl(document)).toBe(document.location.href);
  });

  it('skips an og:url that is not a URL', () => {
    addToHead('<meta property="og:url" content="   ">');
    expect(pageUrl(document)).toBe(document.location.href);
  });
});

describe('language', () => {
  it('takes data-lang first', () => {
    document.documentElement.lang = 'en';
    expect(scriptOptions(scriptTag({ lang: 'fr' }), document).lang).toBe('fr');
  });

  it('then the page’s <html lang>, matching on the primary subtag', () => {
    document.documentElement.lang = 'fr-CA';
    expect(scriptOptions(scriptTag(), document).lang).toBe('fr');
  });

  it('then the browser’s language', () => {
    const original = Object.getOwnPropertyDescriptor(navigator, 'language');
    Object.defineProperty(navigator, 'language', { value: 'fr-FR', configurable: true });
    try {
      expect(scriptOptions(scriptTag(), document).lang).toBe('fr');
    } finally {
      if (original) Object.defineProperty(navigator, 'language', original);
      else Reflect.deleteProperty(navigator, 'language');
    }
  });

  it('skips a language the widget does not speak and falls back to English', () => {
    document.documentElement.lang = 'ko'; // Korean: not (yet) a language of the widget
    expect(scriptOptions(scriptTag({ lang: 'xx' }), document).lang).toBe('en');
  });
});

describe('resolveOptions (Causerie.mount)', () => {
  it('fills what the host left out from the page', () => {
    addToHead('<link rel="canonical" href="https://blog.example/canonical">');
    document.documentElement.lang = 'fr';
    expect(resolveOptions({ id: ' t1 ' }, document, 'https://comments.example')).toEqual({
      origin: 'https://comments.example',
      id: 't1',
      url: 'https://blog.example/canonical',
      title: 'Le titre de la page',
      lang: 'fr',
      theme: 'light',
    });
  });

  it('passes the SSO token given to Causerie.mount({ sso })', () => {
    expect(resolveOptions({ sso: 'h.p.s' }, document, 'https://comments.example').sso).toBe('h.p.s');
  });

  it('resolves a relative url against the page', () => {
    const { url } = resolveOptions({ url: '/autre' }, document, 'https://comments.example');
    expect(url).toBe(new URL('/autre', document.baseURI).href);
  });
});

describe('findContainer', () => {
  it('uses data-target', () => {
    document.body.innerHTML = '<div id="comments"></div>';
    expect(findContainer(scriptTag({ target: '#comments' }), document)).toBe(
      document.getElementById('comments'),
    );
  });

  it('returns null when data-target matches nothing or is not a selector', () => {
    expect(findContainer(scriptTag({ target: '#nowhere' }), document)).toBeNull();
    expect(findContainer(scriptTag({ target: '##' }), document)).toBeNull();
  });

  it('uses the first [data-causerie] element when there is no data-target', () => {
    document.body.innerHTML = '<p></p><section data-causerie id="one"></section><div data-causerie></div>';
    expect(findContainer(scriptTag(), document)?.id).toBe('one');
  });

  it('otherwise inserts a div right after the script, only once', () => {
    const script = scriptTag();
    const first = findContainer(script, document);
    expect(script.nextElementSibling).toBe(first);
    expect(findContainer(script, document)).toBe(first);
    expect(document.body.querySelectorAll('div')).toHaveLength(1);
  });
});
