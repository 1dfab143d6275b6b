import { describe, expect, it } from 'vitest';
import { formatDate } from '../../widget/src/format-date.ts';

const now = Date.parse('2026-11-25T12:00:00.000Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('formatDate', () => {
  it('says how long ago a recent comment was posted, in the reader’s language', () => {
    expect(formatDate(ago(5 * 60_000), 'fr', now)).toBe('il y a 5 minutes');
    expect(formatDate(ago(5 * 60_000), 'en', now)).toBe('5 minutes ago');
    expect(formatDate(ago(2 * 3_600_000), 'en', now)).toBe('2 hours ago');
    expect(formatDate(ago(86_400_000), 'fr', now)).toBe('hier');
  });

  it('never talks about the future when the server clock is ahead', () => {
    expect(formatDate(new Date(now + 3000).toISOString(), 'en', now)).toBe('now');
  });

  it('gives the date of a comment older than a week', () => {
    expect(formatDate('2026-10-01T09:00:00.000Z', 'fr', now)).toBe('1 octobre 2026');
    expect(formatDate('2026-10-01T09:00:00.000Z', 'en', now)).toBe('October 1, 2026');
  });
});
