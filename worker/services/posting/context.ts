/** What a reader's write needs besides its input: the database, the settings, who, when, and which origins. */
import type { Settings } from '../../env.ts';
import type { Reader } from '../identity/sessions.ts';

export interface PostContext {
  db: D1Database;
  settings: Settings;
  /** The poster's IP (CF-Connecting-IP), hashed before it is stored. */
  ip: string | null;
  isAllowedOrigin: (origin: string) => boolean;
  now: Date;
  /** The signed-in reader writing, `null` for a guest (and always `null` when AUTH=off). */
  reader: Reader | null;
}
