/**
 * The form's sign-in box (issue 13, item 7), in place of the guest fields where the deployment offers
 * sign-in: signed out, a compact choice, "Sign in" (a button per provider, the magic link as an e-mail
 * field) or "Comment as guest" (absent when the owner requires sign-in); signed in, the verified name with
 * "Sign out". The popup, the session and its checks are in popup.ts, use-session.ts and sync-session.ts.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ErrorCode } from '../../../worker/types/api.ts';
import { Avatar } from '../components/avatar.tsx';
import { Field } from '../components/field.tsx';
import { _useUid } from '../components/use-uid.ts';
import type { Widget } from '../components/widget.ts';
import { _extraMessages } from '../i18n/extra.ts';
import { saveSession } from '../storage.ts';
import { getMe, logout, requestLink } from './api.ts';
import { type AuthConfig, emailProvider } from './config.ts';
import { _authMessages } from './messages.ts';
import { openSignIn } from './popup.ts';
import { useSession } from './use-session.ts';

export interface SignInProps {
  widget: Widget;
  /** The guest fields, shown when the reader comments as a guest. */
  _guest: ComponentChildren;
}

export const SignIn = ({ widget, _guest, _config }: SignInProps & { _config: AuthConfig }) => {
  const { _options, t, _announce } = widget;
  const { origin } = _options;
  const { guests, providers } = _config;
  const a = _authMessages(t.lang);
  const { session, ended, leaving } = useSession(origin, _options.sso);
  // Guests keep the form they know; the choice is one click away.
  const [guest, setGuest] = useState(guests);
  const [notice, setNotice] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const id = _useUid();

  const say = (message: string) => {
    setNotice(message);
    _announce(message);
  };
  // The extras' catalog is bundled here too (a few hundred bytes in this part, none in the app).
  const fail = (code: string) =>
    say(
      code === 'popup_blocked'
        ? a._popupBlocked
        : code === 'network'
          ? t.m.errors.network
          : (_extraMessages(t.lang).errors[code as ErrorCode] ?? a._failed),
    );

  /** The popup's token: who it is (`GET /me`), then kept. */
  const adopt = async (token: string) => {
    const me = await getMe(origin, token);
    if (!me.ok) return fail(me.error.code);
    saveSession(origin, { token, user: me.value });
    say(t._fill(a._signedInAs, { name: me.value.name }));
  };

  const sendLink = async () => {
    const address = email.trim();
    if (!address || busy) return;
    setBusy(true);
    const sent = await requestLink(origin, address, location.origin);
    setBusy(false);
    if (sent.ok) say(t._fill(a._linkSent, { email: address }));
    else fail(sent.error.code);
  };

  const status = (
    <p class="muted" role="status">
      {notice || (ended && a._sessionEnded)}
    </p>
  );

  if (session) {
    const { user } = session;
    return (
      <div class="signed">
        <Avatar name={user.name} _seed={user.id} />
        <span>{t._fill(a._signedInAs, { name: user.name })}</span>
        <button
          type="button"
          class="link"
          onClick={() => {
            leaving.current = true;
            saveSession(origin, undefined);
            say(a._signedOut);
            logout(origin, session.token); // best effort: the token is forgotten here either way
          }}
        >
          {a._signOut}
        </button>
        {status}
      </div>
    );
  }

  return (
    <div class="sign-in">
      {guests ? (
        // Two toggle buttons, as Write/Preview above: simpler to use and announce than tabs.
        <div class="switch">
          <button type="button" aria-pressed={!guest} onClick={() => setGuest(false)}>
            {a._signIn}
          </button>
          <button type="button" aria-pressed={guest} onClick={() => setGuest(true)}>
            {a._guest}
          </button>
        </div>
      ) : (
        <p>{a._signInFirst}</p>
      )}
      {guest ? (
        _guest
      ) : (
        <div class="providers">
          {providers.map(({ id: provider, name }) =>
            provider === emailProvider ? (
              <div key={provider} class="link-sign-in">
                <Field id={`${id}-email`} _label={a._emailLabel}>
                  {(ids) => (
                    <input
                      {...ids}
                      type="email"
                      autocomplete="email"
                      value={email}
                      onInput={(e) => setEmail(e.currentTarget.value)}
                      // Inside the comment form: Enter sends the link, not the comment.
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault();
                          sendLink();
                        }
                      }}
                    />
                  )}
                </Field>
                <button type="button" disabled={busy} aria-busy={busy} onClick={sendLink}>
                  {a._sendLink}
                </button>
              </div>
            ) : (
              <button
                key={provider}
                type="button"
                // window.open inside the click: a popup opened later is blocked.
                onClick={() =>
                  openSignIn(origin, provider).then((result) =>
                    'token' in result ? adopt(result.token) : fail(result.code),
                  )
                }
              >
                {t._fill(a._signInWith, { name })}
              </button>
            ),
          )}
        </div>
      )}
      {status}
    </div>
  );
};
