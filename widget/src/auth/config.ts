/**
 * What the widget and the admin page read of `GET /config`'s `auth` (../shared/API.md, "Additions for the
 * next capabilities"): whether guests may comment, the providers to offer, whether the host site's SSO is
 * on. Typed here, beside its readers, until the worker's `PublicConfig` carries it (issue 13, parts A/B).
 */
import type { PublicConfig, SessionUser } from '../../../worker/types/api.ts';

export interface AuthProvider {
  id: string;
  /** What the button says: "GitHub", the owner's `OIDC_NAME`… */
  name: string;
}

export interface AuthConfig {
  guests: boolean;
  providers: AuthProvider[];
  sso: boolean;
}

export type ConfigWithAuth = PublicConfig & { auth?: AuthConfig | null };

/** The provider whose sign-in is a magic link: an e-mail field, not a popup button. */
export const emailProvider = 'email';

/**
 * `GET /me`: the reader, the avatar seed of their comments, and for staff the role the owner gave them
 * (`MODERATORS`; `null` for a reader).
 */
export type Me = SessionUser & { avatar?: string; role?: string | null };
