/**
 * The admin page's way in (issue 13, item 6): where GET /config offers sign-in providers, "Sign in with …"
 * through the same popup as the reader widget (auth/popup.ts), the session token then used as the admin
 * bearer; pasting ADMIN_TOKEN stays one click away ("Use the admin token") and is the only way in where no
 * provider is configured (or while GET /config has not answered). Only a moderator's account gets in: the
 * admin API is asked once, as the token form does, and a refused account's session is revoked at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { getMe, logout } from '../auth/api.ts';
import { type AuthProvider, type ConfigWithAuth, emailProvider, type Me } from '../auth/config.ts';
import { openSignIn } from '../auth/popup.ts';
import { request } from '../http.ts';
import { createAdminApi } from './api.ts';
import { errorText } from './context.ts';
import type { Strings } from './i18n/index.ts';
import { TokenForm } from './token-form.tsx';

interface Props {
  t: Strings;
  /** Why we are asking (again): shown above the choice. */
  notice: string | null;
  /** A session token (with who it is) or the admin token. */
  onToken: (token: string, me?: Me) => void;
}

/** The providers a moderator can sign in with here: the popup ones (a magic link needs a reader page). */
const useProviders = (): AuthProvider[] => {
  const [providers, setProviders] = useState<AuthProvider[]>([]);
  useEffect(() => {
    let live = true;
    request<ConfigWithAuth>('/api/v1/config', {}).then((result) => {
      const found = result.ok ? (result.value.auth?.providers ?? []) : [];
      if (live) setProviders(found.filter((provider) => provider.id !== emailProvider));
    });
    return () => {
      live = false;
    };
  }, []);
  return providers;
};

export const SignInGate = ({ t, notice, onToken }: Props) => {
  const providers = useProviders();
  const [useToken, setUseToken] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const origin = location.origin;

  const adopt = async (token: string) => {
    setBusy(true);
    const me = await getMe(origin, token);
    // The cheapest admin call proves the account may moderate, as the token form proves a token.
    const allowed = me.ok ? await createAdminApi({ token }).counts() : me;
    setBusy(false);
    if (me.ok && allowed.ok) return onToken(token, me.value);
    if (me.ok) logout(origin, token); // signed in, but not a moderator: revoke the session at once
    const refused = !allowed.ok && ['forbidden', 'unauthorized'].includes(allowed.error.code);
    setError(refused ? t.notModerator : allowed.ok ? null : errorText(t, allowed.error));
  };

  const signIn = (provider: string) => {
    setError(null);
    openSignIn(origin, provider).then((result) => {
      if ('token' in result) return adopt(result.token);
      setError(result.code === 'popup_blocked' ? t.popupBlocked : t.signInFailed);
    });
  };

  if (!providers.length || useToken)
    return (
      <>
        <TokenForm t={t} notice={notice} onToken={(token) => onToken(token)} />
        {providers.length > 0 && (
          <button type="button" class="link" onClick={() => setUseToken(false)}>
            {t.useAccount}
          </button>
        )}
      </>
    );

  const message = error ?? notice;
  return (
    <section class="card token" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t.tokenHeading}</h2>
      <p class="error" role="alert">
        {message}
      </p>
      <div class="providers">
        {providers.map(({ id, name }) => (
          <button key={id} type="button" class="primary" disabled={busy} onClick={() => signIn(id)}>
            {t.signInWith(name)}
          </button>
        ))}
      </div>
      <button type="button" class="link" onClick={() => setUseToken(true)}>
        {t.useToken}
      </button>
    </section>
  );
};
