import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../worker/lib/cursor.ts';

describe('cursors', () => {
  it('round-trip', () => {
    for (const cursor of [
      { sort: 'top', pinned: 1, seq: 42, likes: 7 },
      { sort: 'oldest', tree: 50 },
      { sort: 'newest', tree: 0 },
    ] as const) {
      expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    }
  });

  it('reject garbage rather than throw', () => {
    for (const text of [
      '',
      'x',
      '!!!',
      btoa('{}'),
      btoa('["o",2,1,1]'),
      btoa('["o",-1]'),
      btoa('["n",1.5]'),
      btoa('["t",2,1,1]'),
      btoa('["z",0,1,1]'),
      btoa('["o",0,-1,0]'),
    ]) {
      expect(decodeCursor(text.replace(/=+$/, ''))).toBeNull();
    }
  });
});
