/**
 * The check `rules`: the site's own rules that predate the pipeline (lib/content-check.ts), the link
 * limit (MAX_LINKS) and the blocklist (BLOCKLIST). They hold, never reject: a real reader who trips one
 * only waits for the owner.
 */
import type { Settings } from '../../env.ts';
import { countLinks, holdReason } from '../../lib/content-check.ts';
import type { SpamCheck } from './types.ts';

export const rulesCheck = (settings: Pick<Settings, 'blocklist' | 'maxLinks'>): SpamCheck => ({
  name: 'rules',
  async run(candidate) {
    const reason = holdReason(candidate.body, candidate.html, settings);
    if (reason !== null) return { check: 'rules', verdict: 'hold', score: 1, detail: reason };
    const links = countLinks(candidate.html);
    return {
      check: 'rules',
      verdict: 'pass',
      score: 0,
      detail: `${links} link${links === 1 ? '' : 's'} (limit ${settings.maxLinks}), no blocked phrase`,
    };
  },
});
