/**
 * The signed-in reader of one deployment, kept current: every form's sign-in box shows the same session,
 * whichever of them (or the extras, on a 401, or another tab) changed it. `ended`: the session went away
 * without the reader signing out here (the server refused it), so the box can say so.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadSession, type Session, sessionEvent } from '../storage.ts';
import { markSignInOffered } from './offered.ts';
import { syncSession } from './sync-session.ts';

export const useSession = (origin: string, sso: string | undefined) => {
  const [session, setSession] = useState<Session | undefined>(() => loadSession(origin));
  const [ended, setEnded] = useState(false);
  /** Set while this box signs out: that is no ended session. */
  const leaving = useRef(false);
  const had = useRef(!!session);

  useEffect(() => {
    const update = () => {
      const next = loadSession(origin);
      if (next) setEnded(false);
      else if (had.current && !leaving.current) setEnded(true);
      had.current = !!next;
      leaving.current = false;
      setSession(next);
    };
    markSignInOffered(origin);
    addEventListener(sessionEvent, update);
    // Another tab of this site signed in or out (the `storage` event fires in the other tabs only).
    addEventListener('storage', update);
    // What changed between the first render and now (another box's check may be over already).
    update();
    syncSession(origin, sso);
    return () => {
      removeEventListener(sessionEvent, update);
      removeEventListener('storage', update);
    };
  }, [origin, sso]);

  return { session, ended, leaving };
};
