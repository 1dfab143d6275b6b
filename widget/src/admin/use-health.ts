/**
 * Reads GET /api/v1/admin/health once per token, for the setup guide. Any failure (an older worker without
 * the route, the network) just means no guide: the rest of the page never depends on it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AdminHealth } from '../../../worker/types/health.ts';

export const useHealth = (token: string | null, base = '/api/v1/admin'): AdminHealth | null => {
  const [health, setHealth] = useState<AdminHealth | null>(null);
  useEffect(() => {
    setHealth(null);
    if (!token) return;
    let live = true;
    fetch(`${base}/health`, { headers: { Authorization: `Bearer ${token}` } })
      .then((response) => (response.ok ? (response.json() as Promise<AdminHealth>) : null))
      .then((value) => {
        if (live) setHealth(value);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [token, base]);
  return health;
};

/** A fresh deployment (no comment yet) or one with something essential left undone opens on the guide. */
export const needsSetup = (health: AdminHealth): boolean =>
  !health.hasComments ||
  health.origins.length === 0 ||
  !health.secrets.adminToken ||
  !health.secrets.secretKey ||
  health.migrations.applied !== health.migrations.latest;

const DISMISSED = 'causerie-admin-setup-hidden';

/** Hidden for good on this browser once the owner says so (nothing is stored until then). */
export const setupHidden = (): boolean => {
  try {
    return localStorage.getItem(DISMISSED) === '1';
  } catch {
    return false;
  }
};

export const hideSetup = (): void => {
  try {
    localStorage.setItem(DISMISSED, '1');
  } catch {
    // storage refused (private mode): hidden for this visit only
  }
};
