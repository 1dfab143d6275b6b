/** Issue 11, item 5: edit tokens are parsed strictly; a malformed one is a 401, never a 500. */
import { describe, expect, it } from 'vitest';
import { checkEditToken, issueEditToken } from '../../worker/lib/crypto.ts';
import { freshPage, ORIGIN, postComment, request } from './helpers.ts';

const patch = (id: string, authorization: string) =>
  request(`/api/v1/comments/${id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN, Authorization: authorization },
    body: JSON.stringify({ body: 'changed' }),
  });

describe('edit tokens', () => {
  it('answers 401 problem+json for malformed tokens', async () => {
    const { json } = await postComment({ url: freshPage() });
    for (const token of ['1.A', '1.AAAAA', '1.', '.', 'x.y', '1.A.B', '1', `1.${'A'.repeat(44)}`]) {
      const res = await patch(json.comment.id, `Bearer ${token}`);
      expect(res.status, token).toBe(401);
      expect(res.headers.get('Content-Type'), token).toMatch(/^application\/problem\+json/);
    }
  });

  it('refuses other spellings of a valid expiry (hex, sign, leading zero, exponent, fraction)', async () => {
    const { json } = await postComment({ url: freshPage() });
    const [expires, mac] = (json.editToken as string).split('.') as [string, string];
    const spellings = [
      `0x${Number(expires).toString(16)}`,
      `+${expires}`,
      `0${expires}`,
      `${expires}.0`,
      `${Number(expires) / 1e9}e9`,
    ];
    for (const spelling of spellings) {
      const res = await patch(json.comment.id, `Bearer ${spelling}.${mac}`);
      expect(res.status, spelling).toBe(401);
    }
    // The token as issued still works: the refusals above are about the spelling, not the MAC.
    expect((await patch(json.comment.id, `Bearer ${json.editToken}`)).status).toBe(200);
  });

  it('checkEditToken says invalid, without throwing, for what atob would choke on', async () => {
    const now = 1_700_000_000;
    const token = await issueEditToken('k', 'id', now + 60);
    expect(await checkEditToken('k', 'id', token, now)).toBe('valid');
    expect(await checkEditToken('k', 'id', '1.A', now)).toBe('invalid');
    expect(await checkEditToken('k', 'id', `${now + 60}.${'A'.repeat(41)}`, now)).toBe('invalid');
  });
});
