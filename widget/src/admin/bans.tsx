/** Bans: the list (active or expired), lifting one, and adding one by e-mail, IP hash or reader hash. */
import { useEffect, useState } from 'preact/hooks';
import type { Ban, NewBan } from '../../../worker/types/api.ts';
import { formatDateTime, useAdmin } from './context.ts';

const FIELD = { email: 'email', ip: 'ipHash', reader: 'readerHash' } as const;
/** What the form bans by; an account ban (`user`) comes from a comment's Ban button. */
type Kind = keyof typeof FIELD;

const BanForm = ({ onAdd }: { onAdd: (ban: NewBan) => Promise<boolean> }) => {
  const { t } = useAdmin();
  const [kind, setKind] = useState<Kind>('email');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const ban = {
      [FIELD[kind]]: value.trim(),
      ...(reason.trim() && { reason: reason.trim() }),
      // A date alone means the end of that day, in the owner's time zone.
      ...(expires && { expiresAt: new Date(`${expires}T23:59:59`).toISOString() }),
    } as NewBan;
    const ok = await onAdd(ban);
    setBusy(false);
    if (ok) {
      setValue('');
      setReason('');
      setExpires('');
    }
  };

  return (
    <form class="form identity" aria-label={t.banAdd} onSubmit={submit}>
      <div class="field">
        <label for="ban-kind">{t.banKind}</label>
        <select id="ban-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
          {(Object.keys(FIELD) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {t.banKinds[k]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="ban-value">{t.banValue}</label>
        <input id="ban-value" required value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="ban-reason">{t.banReason}</label>
        <input id="ban-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="ban-expires">{t.banExpires}</label>
        <input
          id="ban-expires"
          type="date"
          value={expires}
          onInput={(e) => setExpires(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <button type="submit" class="primary" disabled={busy}>
          {t.banAdd}
        </button>
      </div>
    </form>
  );
};

export const Bans = () => {
  const { api, t, lang, announce, fail } = useAdmin();
  const [bans, setBans] = useState<Ban[] | null>(null);

  const load = async () => {
    const result = await api.bans();
    if (result.ok) setBans(result.value.bans);
    else fail(result.error);
  };
  useEffect(() => {
    void load();
  }, []);

  const add = async (ban: NewBan) => {
    const result = await api.addBan(ban);
    if (!result.ok) {
      fail(result.error);
      return false;
    }
    announce(t.banAdded);
    void load();
    return true;
  };

  const lift = async (ban: Ban) => {
    const result = await api.liftBan(ban.id);
    if (!result.ok) return fail(result.error);
    setBans((list) => list?.filter((b) => b.id !== ban.id) ?? null);
    announce(t.banLifted);
  };

  return (
    <section aria-labelledby="bans-heading">
      <h2 id="bans-heading">{t.bansHeading}</h2>
      <BanForm onAdd={add} />
      {bans === null && <p class="muted">{t.loading}</p>}
      {bans?.length === 0 && <p class="muted">{t.noBans}</p>}
      <ol class="rows">
        {bans?.map((ban) => (
          <li key={ban.id} class="row meta" data-testid="ban">
            <span class="badge">{t.banKinds[ban.kind]}</span>
            <code>{ban.value}</code>
            <span class={ban.active ? '' : 'muted'}>{ban.active ? t.banActive : t.banExpired}</span>
            <span class="muted">
              {ban.expiresAt ? t.banUntil(formatDateTime(lang, ban.expiresAt)) : t.banNever}
            </span>
            {ban.reason && <span>{ban.reason}</span>}
            <button type="button" onClick={() => lift(ban)} aria-label={t.banLiftLabel(ban.value)}>
              {t.banLift}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
};
