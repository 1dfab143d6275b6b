import { describe, expect, it } from 'vitest';
import { keyedHash } from '../../worker/lib/crypto.ts';
import { freshPage, ORIGIN, postJson, request } from './helpers.ts';

const EMAIL = 'secret.reader@example.com';
const IP = '203.0.113.99';

const sha256Hex = async (text: string) => {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
};

describe('privacy', () => {
  it('no reader response, feed or header carries the e-mail, the IP, or their hashes', async () => {
    const url = freshPage();
    const created = await postJson(
      '/api/v1/comments',
      {
        url,
        title: 'Privé',
        body: 'hello',
        author: { name: 'Sam', email: EMAIL, website: 'https://sam.example' },
      },
      { 'CF-Connecting-IP': IP },
    );
    const { comment } = (await created.clone().json()) as { comment: { id: string } };
    await postJson(
      '/api/v1/comments',
      { url, body: 'reply', parentId: comment.id, author: { email: EMAIL } },
      {
        'CF-Connecting-IP': IP,
      },
    );

    const secrets = [
      EMAIL,
      IP,
      await keyedHash('test-secret-key', 'ip', IP),
      // A Gravatar-style hash would let anyone look the address up; the avatar seed is keyed instead.
      await sha256Hex(EMAIL),
    ];
    const u = encodeURIComponent(url);
    const responses = [
      created,
      await request(`/api/v1/threads?url=${u}`, { headers: { Origin: ORIGIN } }),
      await request(`/api/v1/threads?url=${u}&sort=top`),
      await request(`/api/v1/recent`),
      await request(`/api/v1/feed?url=${u}`),
      await request(`/api/v1/feed`),
      await request(`/api/v1/counts?url=${u}`),
    ];
    for (const res of responses) {
      expect(res.status, res.url).toBeLessThan(300);
      const text = `${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${await res.text()}`;
      for (const secret of secrets) expect(text, `${res.url} leaks ${secret}`).not.toContain(secret);
      expect(text).not.toContain('secret.reader');
    }
  });
});
