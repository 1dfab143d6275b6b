/**
 * The app's route set stays one Hono's RegExpRouter takes: SmartRouter tries it first and, on a set it
 * refuses (a fixed word beside a parameter at the same place of one method's paths, as `/auth/email/verify`
 * beside `/auth/:provider/start` once was), matches every request with the TrieRouter instead: about a
 * tenth of a post's own JavaScript in `npm run bench:profile -- post`. A new route that breaks this fails here.
 */
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/index.ts';
import { call } from './helpers.ts';

describe('the routing of the app', () => {
  it('matches with the RegExpRouter', async () => {
    // SmartRouter picks its router at the first match.
    expect((await call({}, '/api/v1/config')).res.status).toBe(200);
    expect(app.router.name).toBe('SmartRouter + RegExpRouter');
  });
});
