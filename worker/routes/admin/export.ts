/**
 * GET /api/v1/admin/export: every thread and comment, personal data included (for the owner only: the
 * admin token guards it and nothing caches it), streamed in the Causerie export format, version 1.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { exportStream } from '../../services/transfer/export-stream.ts';

export const exportRoute = new Hono<AppEnv>().get('/', (c) => {
  const now = new Date();
  return c.body(exportStream(c.env.DB, now), 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="causerie-export-${now.toISOString().slice(0, 10)}.json"`,
  });
});
