/** GET /api/v1/admin/health: what is set up and what is left (types/health.ts), behind the admin token. */
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { readHealth } from '../../services/deployment/health.ts';

export const adminHealth = new Hono<AppEnv>().get('/', async (c) =>
  c.json(await readHealth(c.env, c.get('settings'))),
);
