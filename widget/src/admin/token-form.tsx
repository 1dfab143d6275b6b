/** Asks for the admin token once, and checks it against the API before keeping it. */
import { useState } from 'preact/hooks';
import { createAdminApi } from './api.ts';
import { errorText } from './context.ts';
import type { Strings } from './i18n/index.ts';

interface Props {
  t: Strings;
  /** Why we are asking (again): shown above the field. */
  notice: string | null;
  onToken: (token: string) => void;
}

export const TokenForm = ({ t, notice, onToken }: Props) => {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const message = error ?? notice;

  const submit = async (event: Event) => {
    event.preventDefault();
    const candidate = token.trim();
    if (!candidate) return;
    setBusy(true);
    setError(null);
    // The cheapest admin call: it proves the token without changing anything.
    const result = await createAdminApi({ token: candidate }).counts();
    setBusy(false);
    if (result.ok) onToken(candidate);
    else setError(result.error.code === 'unauthorized' ? t.tokenRefused : errorText(t, result.error));
  };

  return (
    <form class="card token" onSubmit={submit} aria-labelledby="token-heading">
      <h2 id="token-heading">{t.tokenHeading}</h2>
      <p class="error" role="alert">
        {message}
      </p>
      {/* For password managers, which want a user name beside a password. */}
      <input type="text" name="username" autocomplete="username" value="admin" hidden readOnly />
      <div class="field">
        <label for="admin-token">{t.tokenLabel}</label>
        <input
          id="admin-token"
          type="password"
          autocomplete="current-password"
          required
          value={token}
          aria-describedby="admin-token-hint"
          aria-invalid={error ? true : undefined}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
        <span id="admin-token-hint" class="hint">
          {t.tokenHint}
        </span>
      </div>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t.tokenChecking : t.tokenSubmit}
      </button>
    </form>
  );
};
