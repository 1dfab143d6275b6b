/** Who is using the admin API on this request (middleware/admin-auth.ts): what audit rows and checks need. */
import type { StaffRole } from './api.ts';

export interface Staff {
  /** The audit log's `actor`: `admin` for ADMIN_TOKEN, `user:<account id>` for a moderator's session. */
  actor: string;
  /** The account's verified name; `null` for the token. */
  name: string | null;
  /** The token is always `owner`; an account has the role MODERATORS gives it. */
  role: StaffRole;
}
