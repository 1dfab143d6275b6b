/**
 * The first screen of a fresh deployment: what is left to do before comments appear on the owner's site —
 * secrets, migrations, allowed origins, the moderation mode, notifications — and the embed snippet with
 * this worker's own URL filled in, ready to copy.
 */
import type { ComponentChildren } from 'preact';
import type { AdminHealth } from '../../../worker/types/health.ts';
import { useAdmin } from './context.ts';

interface Props {
  health: AdminHealth;
  /** The worker's origin: the admin page is served by the worker itself. */
  origin: string;
  onHide: () => void;
}

export const embedSnippet = (origin: string): string =>
  `<div id="comments"></div>\n<script src="${origin}/embed.js" async data-target="#comments"></script>`;

const Step = ({ done, title, children }: { done: boolean; title: string; children: ComponentChildren }) => {
  const { t } = useAdmin();
  return (
    <li class="step" data-done={done}>
      <h3>
        {title} <span class="badge">{done ? t.setup.done : t.setup.todo}</span>
      </h3>
      {children}
    </li>
  );
};

export const SetupGuide = ({ health, origin, onHide }: Props) => {
  const { t, announce } = useAdmin();
  const s = t.setup;
  const secretsOk = health.secrets.adminToken && health.secrets.secretKey;
  const migrated = health.migrations.applied === health.migrations.latest;
  const notified = health.email.configured || health.webhook.configured;
  const snippet = embedSnippet(origin);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      announce(s.copied);
    } catch {
      announce(s.copyFailed);
    }
  };

  return (
    <section class="card setup" aria-labelledby="setup-heading">
      <h2 id="setup-heading">{s.heading}</h2>
      <p class="hint">{s.intro(health.version)}</p>
      <ol>
        {!secretsOk && (
          <Step done={false} title={s.secretsTitle}>
            <p>{s.secrets}</p>
          </Step>
        )}
        {!migrated && (
          <Step done={false} title={s.migrationsTitle}>
            <p>{s.migrations(health.migrations.applied, health.migrations.latest)}</p>
          </Step>
        )}
        <Step done={health.origins.length > 0} title={s.originsTitle}>
          <p>{health.origins.length > 0 ? s.originsSet(health.origins.join(', ')) : s.originsNone}</p>
        </Step>
        <Step done title={s.moderationTitle}>
          <p>{s.moderation[health.moderation]}</p>
          <p class="hint">{s.moderationHow}</p>
        </Step>
        <Step done={notified} title={s.notificationsTitle}>
          <p>
            {notified
              ? s.notificationsSet(health.email.configured, health.webhook.configured)
              : s.notificationsNone}
          </p>
        </Step>
        <Step done={health.hasComments} title={s.embedTitle}>
          <p>{s.embed}</p>
          <pre>
            <code data-testid="embed-snippet">{snippet}</code>
          </pre>
          <button type="button" onClick={copy}>
            {s.copy}
          </button>
        </Step>
      </ol>
      <button type="button" class="link" onClick={onHide}>
        {s.hide}
      </button>
    </section>
  );
};
