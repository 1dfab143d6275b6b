/** What a reader's write needs besides its input: the database, the settings, who, when, and which origins. */
import type { Settings } from '../../env.ts';
import type { Reader } from '../identity/sessions.ts';
import type { SpamCheck } from '../spam/types.ts';

export interface PostContext {
  db: D1Database;
  settings: Settings;
  /** The poster's IP (CF-Connecting-IP), hashed before it is stored. */
  ip: string | null;
  isAllowedOrigin: (origin: string) => boolean;
  now: Date;
  /** The signed-in reader writing, `null` for a guest (and always `null` when AUTH=off). */
  reader: Reader | null;
  /** The spam checks to run, in order; unset, the ones the settings configure (services/spam/registry.ts). */
  checks?: readonly SpamCheck[];
  /** The worker's own origin (a challenge may also be solved on its pages). */
  origin?: string;
  /** How the post came, for Akismet only (never stored in the clear: services/spam/integrations.ts). */
  userAgent?: string | null;
  referrer?: string | null;
  /** How the worker calls third parties (siteverify, Akismet); `fetch` unless a test says otherwise. */
  fetcher?: typeof fetch;
}
