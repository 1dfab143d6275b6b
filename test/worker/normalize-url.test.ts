import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../worker/lib/normalize-url.ts';

const none = new Set<string>();

describe('normalizeUrl', () => {
  it('makes the spellings API.md lists one thread', () => {
    expect(normalizeUrl('HTTPS://Blog.Example:443/post/?utm_source=x#c1', none)).toBe(
      'https://blog.example/post',
    );
    expect(normalizeUrl('https://blog.example/post', none)).toBe('https://blog.example/post');
  });

  it('drops the default port but keeps another one', () => {
    expect(normalizeUrl('http://blog.example:80/a', none)).toBe('http://blog.example/a');
    expect(normalizeUrl('http://localhost:8787/a/', none)).toBe('http://localhost:8787/a');
  });

  it('drops index.html and index.htm, and the trailing slash except at the root', () => {
    expect(normalizeUrl('https://blog.example/post/index.html', none)).toBe('https://blog.example/post');
    expect(normalizeUrl('https://blog.example/index.htm', none)).toBe('https://blog.example/');
    expect(normalizeUrl('https://blog.example', none)).toBe('https://blog.example/');
    expect(normalizeUrl('https://blog.example/a//', none)).toBe('https://blog.example/a');
  });

  it('keeps only the significant query parameters, in a stable order', () => {
    const significant = new Set(['p', 'lang']);
    expect(normalizeUrl('https://blog.example/?utm_medium=x&p=4&lang=fr', significant)).toBe(
      'https://blog.example/?lang=fr&p=4',
    );
    expect(normalizeUrl('https://blog.example/?lang=fr&p=4', significant)).toBe(
      'https://blog.example/?lang=fr&p=4',
    );
  });

  it('normalizes percent-encoding: unreserved characters decoded, other escapes upper-cased', () => {
    expect(normalizeUrl('https://blog.example/%7euser/caf%c3%a9', none)).toBe(
      'https://blog.example/~user/caf%C3%A9',
    );
    expect(normalizeUrl('https://blog.example/café', none)).toBe('https://blog.example/caf%C3%A9');
  });

  it('drops credentials and refuses what is not an absolute http(s) URL', () => {
    expect(normalizeUrl('https://user:pw@blog.example/a', none)).toBe('https://blog.example/a');
    expect(normalizeUrl('javascript:alert(1)', none)).toBeNull();
    expect(normalizeUrl('/relative/path', none)).toBeNull();
    expect(normalizeUrl('ftp://blog.example/a', none)).toBeNull();
    expect(normalizeUrl('', none)).toBeNull();
  });
});
