import { describe, expect, it } from 'vitest';
import { checkEditToken, issueEditToken, keyedHash } from '../../worker/lib/crypto.ts';

describe('edit tokens', () => {
  it('verify for their comment until they expire', async () => {
    const token = await issueEditToken('k', 'comment-1', 1000);
    expect(await checkEditToken('k', 'comment-1', token, 999)).toBe('valid');
    expect(await checkEditToken('k', 'comment-1', token, 1000)).toBe('expired');
  });

  it('do not verify for another comment, another key, or when tampered with', async () => {
    const token = await issueEditToken('k', 'comment-1', 1000);
    expect(await checkEditToken('k', 'comment-2', token, 0)).toBe('invalid');
    expect(await checkEditToken('other', 'comment-1', token, 0)).toBe('invalid');
    expect(await checkEditToken('k', 'comment-1', token.replace(/^1000/, '9999'), 0)).toBe('invalid');
    expect(await checkEditToken('k', 'comment-1', 'garbage', 0)).toBe('invalid');
    expect(await checkEditToken('k', 'comment-1', '1000.!!', 0)).toBe('invalid');
  });
});

describe('keyedHash', () => {
  it('is stable for one key and purpose, and differs across keys and purposes', async () => {
    expect(await keyedHash('k', 'ip', '1.2.3.4')).toBe(await keyedHash('k', 'ip', '1.2.3.4'));
    expect(await keyedHash('k', 'ip', '1.2.3.4')).not.toBe(await keyedHash('k2', 'ip', '1.2.3.4'));
    expect(await keyedHash('k', 'ip', '1.2.3.4')).not.toBe(await keyedHash('k', 'avatar', '1.2.3.4'));
    expect(await keyedHash('k', 'ip', 'x', 16)).toMatch(/^[0-9a-f]{16}$/);
  });
});
