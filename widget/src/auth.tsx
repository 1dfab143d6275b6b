/**
 * The entry of causerie-auth.<lang>.js: the sign-in part (issue 13), loaded by lazy.tsx only where
 * `GET /config` offers sign-in. It borrows the app's Preact and lazy.tsx, as the extras do (vite.config.ts).
 */
import type { AuthConfig } from './auth/config.ts';
import { SignIn, type SignInProps } from './auth/sign-in.tsx';
import { _register } from './lazy.tsx';

const auth = {
  /**
   * The form's sign-in box for one deployment's settings (lazy.tsx, `loadAuth`, binds it once). In an
   * object: a bare function given to a state setter would be called as an updater.
   */
  _signIn: (config: AuthConfig) => (props: SignInProps) => <SignIn {...props} _config={config} />,
};
export type AuthPart = typeof auth;

_register('auth', auth);
