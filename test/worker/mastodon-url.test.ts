/** Toot URLs and account names (lib/mastodon-url.ts): the shapes taken, and the hosts refused. */
import { describe, expect, it } from 'vitest';
import { accountOfToot, parseAccount, parseTootUrl } from '../../worker/lib/mastodon-url.ts';

describe('parseTootUrl', () => {
  it.each([
    ['https://mastodon.social/@alice/109294719267373593', 'mastodon.social', '109294719267373593', 'alice'],
    ['https://Mastodon.Social:443/@alice/1/', 'mastodon.social', '1', 'alice'],
    ['https://mastodon.social/users/alice/statuses/42', 'mastodon.social', '42', 'alice'],
    ['https://mastodon.social/@bob@other.example/42', 'mastodon.social', '42', 'bob@other.example'],
    [
      'https://gts.example/@alice/statuses/01HF2XKQ3M4N5P6Q7R8S9T0V1W',
      'gts.example',
      '01HF2XKQ3M4N5P6Q7R8S9T0V1W',
      'alice',
    ],
    ['https://akkoma.example/notice/AbC123', 'akkoma.example', 'AbC123', null],
  ])('takes %s', (input, host, id, user) => {
    expect(parseTootUrl(input)).toMatchObject({ host, id, user });
  });

  it('drops the query and the fragment from the canonical URL', () => {
    expect(parseTootUrl('https://mastodon.social/@alice/1?utm=x#top')?.url).toBe(
      'https://mastodon.social/@alice/1',
    );
  });

  it.each([
    'http://mastodon.social/@alice/1',
    'https://10.0.0.1/@alice/1',
    'https://169.254.169.254/@alice/1',
    'https://[fd00::1]/@alice/1',
    'https://localhost/@alice/1',
    'https://box.localhost/@alice/1',
    'https://nas.local/@alice/1',
    'https://metadata.google.internal/@alice/1',
    'https://intranet/@alice/1',
    'https://mastodon.social:8080/@alice/1',
    'https://user:pass@mastodon.social/@alice/1',
    'https://mastodon.social/@alice/1/../../admin',
    'https://mastodon.social/@alice/1%2F2',
    'https://mastodon.social/@alice/12345678901234567890123456789012345678901234567890123456789012345',
    'https://mastodon.social/explore',
    'ftp://mastodon.social/@alice/1',
    '',
  ])('refuses %s', (input) => {
    expect(parseTootUrl(input)).toBeNull();
  });
});

describe('parseAccount and accountOfToot', () => {
  it.each([
    ['@Alice@Mastodon.Social', 'alice@mastodon.social'],
    ['alice@mastodon.social', 'alice@mastodon.social'],
    ['https://mastodon.social/@alice', 'alice@mastodon.social'],
    ['https://mastodon.social/@alice/', 'alice@mastodon.social'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseAccount(input)).toBe(expected);
  });

  it.each(['alice', '@alice@localhost', 'https://127.0.0.1/@alice', 'http://mastodon.social/@alice'])(
    'refuses %s',
    (input) => {
      expect(parseAccount(input)).toBeNull();
    },
  );

  it('names the account of a toot, a remote one with its own domain', () => {
    const local = parseTootUrl('https://mastodon.social/@Alice/1');
    const remote = parseTootUrl('https://mastodon.social/@bob@other.example/1');
    const notice = parseTootUrl('https://akkoma.example/notice/AbC');
    expect(local && accountOfToot(local)).toBe('alice@mastodon.social');
    expect(remote && accountOfToot(remote)).toBe('bob@other.example');
    expect(notice && accountOfToot(notice)).toBeNull();
  });
});
