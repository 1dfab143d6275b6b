/**
 * /api/v1/admin/stats?days=7|30|365 (default 30): the dashboard's figures (services/stats/dashboard.ts).
 * Any other `days` is a 422 naming the field, as a body's bad value would be.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { validationFailed } from '../../errors.ts';
import { loadDashboard } from '../../services/stats/dashboard.ts';
import { STATS_PERIODS, type StatsPeriod } from '../../types/api.ts';

const parsePeriod = (value: string | undefined): StatsPeriod => {
  if (value === undefined) return 30;
  const period = STATS_PERIODS.find((p) => String(p) === value);
  if (period === undefined) {
    throw validationFailed([{ field: 'days', message: `must be one of ${STATS_PERIODS.join(', ')}` }]);
  }
  return period;
};

export const adminStats = new Hono<AppEnv>().get('/', async (c) => {
  const period = parsePeriod(c.req.query('days'));
  return c.json(await loadDashboard(c.env.DB, period, new Date()));
});
