/**
 * The owner's admin page: the gate (a moderator's sign-in, or the admin token), then the sections (the
 * dashboard first, the comments queue, threads, bans, settings, import/export, audit log, mail log, spam
 * figures) around two live regions that say how each action went, in the owner's language (i18n/: the
 * browser's by default, the switch's once chosen).
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { getMe, logout } from '../auth/api.ts';
import type { Me } from '../auth/config.ts';
import { type AdminError, createAdminApi } from './api.ts';
import { AuditLog } from './audit.tsx';
import { Bans } from './bans.tsx';
import { type Admin, AdminContext, errorText } from './context.ts';
import { Dashboard } from './dashboard/dashboard.tsx';
import { initialAdminLang, type Strings, saveAdminLang, stringsFor } from './i18n/index.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { MailLog } from './mail.tsx';
import { Queue } from './queue/queue.tsx';
import { Settings } from './settings/settings.tsx';
import { SetupGuide } from './setup-guide.tsx';
import { SignInGate } from './sign-in.tsx';
import { Spam } from './spam.tsx';
import { Threads } from './threads.tsx';
import { clearToken, readToken, saveToken } from './token.ts';
import { Transfer } from './transfer.tsx';
import { hideSetup, needsSetup, setupHidden, useHealth } from './use-health.ts';

const SECTIONS = [
  'dashboard',
  'queue',
  'threads',
  'bans',
  'settings',
  'transfer',
  'audit',
  'mail',
  'spam',
] as const;
export type Section = (typeof SECTIONS)[number];

interface Props {
  /** A catalog to use instead of the language's (tests). */
  strings?: Strings;
  /** The first section shown after sign-in: the dashboard unless told otherwise. */
  home?: Section;
}

export const AdminApp = ({ strings, home = 'dashboard' }: Props) => {
  const [lang, setLang] = useState(initialAdminLang);
  const t = strings ?? stringsFor(lang);
  const [token, setToken] = useState(readToken);
  /** Who is signed in, for a session token (the admin token is nobody in particular). */
  const [me, setMe] = useState<Me | null>(null);
  // A session token (`ses_…`) came from signing in; anything else is ADMIN_TOKEN.
  const session = token?.startsWith('ses_') ?? false;
  const [notice, setNotice] = useState<string | null>(null);
  const [section, setSection] = useState<Section>(home);
  const [status, setStatus] = useState('');
  const [alert, setAlert] = useState('');
  /** Set by the thread list's "Show comments": the queue opens filtered to that page. */
  const [pageFilter, setPageFilter] = useState<string | undefined>(undefined);
  const health = useHealth(token);
  const [setupOpen, setSetupOpen] = useState(() => !setupHidden());

  // The document speaks the page's language: screen readers pick their voice from it, browsers their
  // hyphenation and date pickers.
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.title;
  }, [lang, t]);
  const chooseLang = (next: string) => {
    saveAdminLang(next);
    setLang(next);
  };
  const switcher = <LanguageSwitch t={t} lang={lang} onChange={chooseLang} />;

  const signOut = useCallback((why: string | null, revoke?: string) => {
    // Best effort: the token is forgotten here either way.
    if (revoke) logout(location.origin, revoke);
    clearToken();
    setToken(null);
    setMe(null);
    setNotice(why);
    setStatus('');
    setAlert('');
  }, []);

  const admin = useMemo<Admin | null>(() => {
    if (!token) return null;
    return {
      t,
      lang,
      api: createAdminApi({
        token,
        onUnauthorized: () => signOut(session ? t.sessionExpired : t.tokenExpired),
      }),
      announce: (message) => {
        setAlert('');
        setStatus(message);
      },
      fail: (error: AdminError) => {
        if (error.code !== 'unauthorized') setAlert(errorText(t, error));
      },
    };
  }, [token, t, lang, signOut, session]);

  // After a reload, the stored session says who it is again (a refused one ends here too).
  useEffect(() => {
    if (!token || !session || me) return;
    let live = true;
    getMe(location.origin, token).then((result) => {
      if (!live) return;
      if (result.ok) setMe(result.value);
      else if (result.error.code === 'unauthorized') signOut(t.sessionExpired);
    });
    return () => {
      live = false;
    };
  }, [token, session]);

  if (!admin) {
    return (
      <main class="admin">
        <div class="top">
          <h1>{t.title}</h1>
          {switcher}
        </div>
        <SignInGate
          t={t}
          notice={notice}
          onToken={(value, who) => {
            saveToken(value);
            setNotice(null);
            setMe(who ?? null);
            setToken(value);
          }}
        />
      </main>
    );
  }

  const show = (next: Section) => {
    setAlert('');
    setSection(next);
  };

  return (
    <AdminContext.Provider value={admin}>
      <div class="admin">
        <header class="top">
          <h1>{t.title}</h1>
          {health && <span class="muted">{t.setup.version(health.version)}</span>}
          {switcher}
          {me && <span data-testid="signed-in-as">{t.signedInAs(me.name, me.role ?? t.moderatorRole)}</span>}
          <button
            type="button"
            class="link"
            onClick={() => signOut(null, session ? (token ?? undefined) : undefined)}
          >
            {t.signOut}
          </button>
        </header>
        <nav aria-label={t.sectionsLabel} class="switch sections">
          {SECTIONS.map((name) => (
            <button
              key={name}
              type="button"
              aria-current={section === name ? 'page' : undefined}
              onClick={() => show(name)}
            >
              {t.sections[name]}
            </button>
          ))}
        </nav>
        <p class="status" role="status">
          {status}
        </p>
        <p class="error" role="alert">
          {alert}
        </p>
        <main>
          {health && setupOpen && needsSetup(health) && (
            <SetupGuide
              health={health}
              origin={location.origin}
              onHide={() => {
                hideSetup();
                setSetupOpen(false);
              }}
            />
          )}
          {section === 'dashboard' && <Dashboard onOpenQueue={() => show('queue')} />}
          {section === 'queue' && <Queue url={pageFilter} onUrlChange={setPageFilter} />}
          {section === 'threads' && (
            <Threads
              onShowComments={(url) => {
                setPageFilter(url);
                show('queue');
              }}
            />
          )}
          {section === 'bans' && <Bans />}
          {section === 'settings' && <Settings />}
          {section === 'transfer' && <Transfer />}
          {section === 'audit' && <AuditLog />}
          {section === 'mail' && <MailLog />}
          {section === 'spam' && <Spam />}
        </main>
      </div>
    </AdminContext.Provider>
  );
};
