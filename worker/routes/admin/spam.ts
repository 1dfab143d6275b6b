/**
 * /api/v1/admin/spam: the spam pipeline's figures for the owner (services/spam/figures.ts). Not
 * /admin/stats, which is the dashboard's: this one is about why comments were held and how well the
 * learning filter does.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { validate } from '../../middleware/validate.ts';
import { spamFigures } from '../../services/spam/figures.ts';
import { spamQuerySchema } from './schemas.ts';

export const adminSpam = new Hono<AppEnv>().get('/', validate('query', spamQuerySchema), async (c) =>
  c.json(await spamFigures(c.env.DB, c.get('settings').spam, c.req.valid('query').days)),
);
