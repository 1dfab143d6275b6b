/**
 * Why a comment waits, in the queue item: the checks that held or rejected it first, in words, then every
 * check's answer (the spam pipeline's record, issue 14) folded away.
 */
import type { SpamInfo } from '../../../../worker/types/api.ts';
import { useAdmin } from '../context.ts';

export const SpamReasons = ({ spam }: { spam: SpamInfo }) => {
  const { t } = useAdmin();
  if (spam.reasons.length === 0) return null;
  const stops = spam.reasons.filter((r) => r.verdict !== 'pass');
  return (
    <div class="spam-reasons" data-testid="spam-reasons">
      {stops.map((r) => (
        <p key={r.check} class={`spam-why spam-${r.verdict}`}>
          {t.spamWhy(r.verdict === 'reject' ? 'reject' : 'hold')} <strong>{r.check}</strong>: {r.detail}
        </p>
      ))}
      <details class="muted">
        <summary>{t.spamChecks(spam.score)}</summary>
        <ul>
          {spam.reasons.map((r) => (
            <li key={r.check}>
              <strong>{r.check}</strong> {t.spamVerdict[r.verdict]}: {r.detail}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
};
