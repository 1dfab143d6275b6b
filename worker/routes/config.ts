/** GET /api/v1/config: the public settings the widget needs before it draws the form. */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { CONFIG_TAG, EDGE_FRESHNESS_CONFIG, publicCacheHeaders } from '../lib/edge-cache-headers.ts';
import { LIMITS } from '../lib/schemas.ts';
import { emailSignInEnabled } from '../services/identity/magic-link.ts';
import { type PublicConfig, SORTS } from '../types/api.ts';

export const config = new Hono<AppEnv>().get('/', (c) => {
  const settings = c.get('settings');
  const body: PublicConfig = {
    version: 1,
    moderation: settings.moderation,
    editWindowSeconds: settings.editWindowSeconds,
    maxCommentLength: settings.maxCommentLength,
    anonymousName: settings.anonymousName,
    limits: {
      name: LIMITS.name,
      email: LIMITS.email,
      website: LIMITS.website,
      body: settings.maxCommentLength,
    },
    requiredFields: [],
    sorts: [...SORTS],
    defaultSort: 'oldest',
    pageSize: { default: 50, max: 100 },
    auth: {
      guests: settings.auth !== 'required',
      // The magic link is listed as provider `email` (the widget shows an address field, not a popup button).
      providers:
        settings.auth === 'off'
          ? []
          : [
              ...settings.signIn.providers.map(({ id, name }) => ({ id, name })),
              ...(emailSignInEnabled(settings) ? [{ id: 'email', name: 'E-mail' }] : []),
            ],
      sso: settings.auth !== 'off' && settings.signIn.sso !== null,
    },
    challenge: settings.turnstile ? { provider: 'turnstile', siteKey: settings.turnstile.siteKey } : null,
    live: settings.live,
    follow: settings.email !== null,
  };
  // Runtime settings show here (moderation, comment length): PATCH /admin/settings purges CONFIG_TAG.
  return c.json(
    body,
    200,
    publicCacheHeaders({
      tags: [CONFIG_TAG],
      browser: 'public, max-age=60',
      edge: EDGE_FRESHNESS_CONFIG,
      bookmarked: c.get('bookmarked'),
    }),
  );
});
