/**
 * The form's sign-in box (issue 13, item 7), in place of the guest fields where the deployment offers
 * sign-in: signed out, a compact choice, "Sign in" (a button per provider, the magic link as an e-mail
 * field) or "Comment as guest" (absent when the owner requires sign-in); signed in, the verified name with
 * "Sign out" and "Your account" (account.tsx). The popup, the session and its checks are in popup.ts,
 * use-session.ts and sync-session.ts.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ErrorCode } from '../../../worker/types/api.ts';
import { Avatar } from '../components/avatar.tsx';
import { Field } from '../components/field.tsx';
import { _useUid } from '../components/use-uid.ts';
import type { Widget } from '../components/widget.ts';
import { saveSession } from '../storage.ts';
import { Account } from './account.tsx';
import { logout, requestLink } from './api.ts';
import { type AuthConfig, emailProvider } from './config.ts';
import { _authMessages, _whyMessages } from './messages.ts';
import { openSignIn } from './popup.ts';
import { adoptSession } from './sync-session.ts';
import { useSession } from './use-session.ts';

/** The box's few rules, in the part rather than the app's stylesheet (the app's bytes are budgeted). */
const css =
  '.auth{margin-bottom:.8em}.signed{display:flex;flex-wrap:wrap;align-items:center;gap:.5em}.signed p{margin:0}' +
  '.providers{display:flex;flex-wrap:wrap;gap:.5em;align-items:end;margin-bottom:.8em}.providers .field{margin:0}' +
  '.link-sign-in{display:flex;flex-wrap:wrap;gap:.5em;align-items:end}.account{flex-basis:100%}.account button{display:block;margin-top:.5em}';

export interface SignInProps {
  widget: Widget;
  /** The guest fields, shown when the reader comments as a guest. */
  _guest: ComponentChildren;
}

export const SignIn = ({ widget, _guest, _config }: SignInProps & { _config: AuthConfig }) => {
  const { _options, t } = widget;
  const { origin } = _options;
  const { guests, providers } = _config;
  const a = _authMessages(t.lang);
  // The host's SSO token counts only where the deployment takes one.
  const { session, ended, leaving } = useSession(origin, _config.sso ? _options.sso : undefined);
  // Guests keep the form they know; the choice is one click away.
  const [guest, setGuest] = useState(guests);
  const [notice, setNotice] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const id = _useUid();

  const say = setNotice;
  // The extras' error messages are bundled here too (a few hundred bytes in this part, none in the app),
  // without the rest of `_extraMessages`.
  const explain = (code: string) =>
    code === 'cancelled' // the reader said no on the provider's page: nothing to explain
      ? ''
      : code === 'popup_blocked'
        ? a._popupBlocked
        : code === 'network'
          ? t.m.errors.network
          : (_whyMessages(t.lang)[code as ErrorCode] ?? a._failed);
  const fail = (code: string) => say(explain(code));

  /** The reader is done here (signed out, or erased): forgotten at once, and no "session ended" said. */
  const leave = (message: string) => {
    leaving.current = true;
    saveSession(origin, undefined);
    say(message);
  };

  /** The popup's token: who it is (`GET /me`), then kept. */
  const adopt = async (token: string) => {
    say('');
    const me = await adoptSession(origin, token);
    if (!me.ok) fail(me.error.code);
  };

  const sendLink = async () => {
    const address = email.trim();
    if (!address || busy) return;
    setBusy(true);
    const sent = await requestLink(origin, address, location);
    setBusy(false);
    if (sent.ok) say(t._fill(a._linkSent, { email: address }));
    else fail(sent.error.code);
  };

  const emailField = (
    <div class="link-sign-in">
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
  );

  const signedOut = (
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
              <div key={provider}>{emailField}</div>
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
    </div>
  );

  return (
    <div class={session ? 'auth signed' : 'auth'}>
      <style>{css}</style>
      {/* GET /me's avatar seed is the one of this account's comments; an SSO answer has none yet. */}
      {session && <Avatar name={session.user.name} _seed={session.user.avatar ?? session.user.id} />}
      {/* The one live region, in the same place in either state: it says who is signed in, or what
          happened (an error, a sign-out, a session the server ended). */}
      <p class="muted" role="status">
        {session ? t._fill(a._signedInAs, { name: session.user.name }) : notice || (ended && a._sessionEnded)}
      </p>
      {session ? (
        <>
          <button
            type="button"
            class="link"
            onClick={() => {
              leave(a._signedOut);
              logout(origin, session.token); // best effort: the token is forgotten here either way
            }}
          >
            {a._signOut}
          </button>
          <Account widget={widget} _you={session} _words={a} _whenGone={leave} _why={explain} />
        </>
      ) : (
        signedOut
      )}
    </div>
  );
};
