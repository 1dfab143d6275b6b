/** The dashboard's data: GET /admin/stats for the chosen period, again whenever the period changes. */
import { useEffect, useState } from 'preact/hooks';
import type { AdminStats, StatsPeriod } from '../../../../worker/types/api.ts';
import { useAdmin } from '../context.ts';

export const useStats = (period: StatsPeriod) => {
  const { api, fail } = useAdmin();
  const [stats, setStats] = useState<AdminStats | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let current = true;
    setLoading(true);
    void api.stats(period).then((result) => {
      if (!current) return;
      setLoading(false);
      if (result.ok) setStats(result.value);
      else fail(result.error);
    });
    // A slower answer for the previous period must not replace this one's.
    return () => {
      current = false;
    };
  }, [period]);
  return { stats, loading };
};
