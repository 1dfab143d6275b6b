/**
 * Akismet (https://akismet.com/developers/) as a SpamCheck, and the feedback of the owner's decisions.
 * A small module over `fetch`, not the npm client: akismet-api 6.0.0 sends through superagent, which needs
 * Node's http/https (not in Workers without nodejs_compat) and pulls bluebird; the protocol is four
 * form-encoded POSTs answering plain text, which this file speaks in full.
 *
 * - `comment-check` → `false`: pass; `true`: hold; `true` with `X-akismet-pro-tip: discard` (Akismet is
 *   sure: blatant spam): reject, which the posting path stores as `spam` — out of sight, never lost, and
 *   an approval by the owner sends `submit-ham`.
 * - Anything else (`invalid` with `X-akismet-debug-help`, a bad key, 5xx, a timeout, an unexpected body)
 *   throws: the pipeline holds the comment with "check unavailable".
 * - `submit-spam` / `submit-ham`: after a moderator's decision, best effort (services/spam/akismet-feedback.ts).
 * Akismet wants the poster's IP and user agent on every call; what that costs in privacy is in the README.
 */
import type { AkismetSettings } from '../../lib/integration-settings.ts';
import type { SpamCandidate, SpamCheck, SpamCheckResult } from './types.ts';

export const AKISMET_TIMEOUT_MS = 5_000;

export interface AkismetDeps {
  fetcher: typeof fetch;
  timeoutMs?: number;
}

/** What Akismet learns of a comment: the candidate's fields, under its names. */
export interface AkismetComment {
  /** The site (`blog`): the page's origin. */
  blog: string;
  permalink: string;
  ip: string | null;
  userAgent: string | null;
  referrer: string | null;
  authorName: string | null;
  authorEmail: string | null;
  authorWebsite: string | null;
  content: string;
  /** ISO 8601: when it was written. */
  date?: string;
  /** `edit` when an edited comment is checked again (`recheck_reason`). */
  recheck?: string;
}

export class AkismetError extends Error {
  /** Akismet answered `invalid`: the request or the key was refused (not a transient failure). */
  readonly invalid: boolean;
  constructor(message: string, invalid = false) {
    super(`akismet: ${message}`);
    this.name = 'AkismetError';
    this.invalid = invalid;
  }
}

const form = (key: string, comment: AkismetComment): URLSearchParams => {
  const fields: Record<string, string | null | undefined> = {
    api_key: key,
    blog: comment.blog,
    permalink: comment.permalink,
    user_ip: comment.ip,
    user_agent: comment.userAgent,
    referrer: comment.referrer,
    comment_type: 'comment',
    comment_author: comment.authorName,
    comment_author_email: comment.authorEmail,
    comment_author_url: comment.authorWebsite,
    comment_content: comment.content,
    comment_date_gmt: comment.date,
    recheck_reason: comment.recheck,
    blog_charset: 'UTF-8',
  };
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) if (value) params.set(name, value);
  return params;
};

/** One call: the body as text and the headers, or an AkismetError for anything but a 2xx in time. */
const call = async (
  settings: AkismetSettings,
  method: 'comment-check' | 'submit-spam' | 'submit-ham' | 'verify-key',
  body: URLSearchParams,
  deps: AkismetDeps,
): Promise<{ text: string; headers: Headers }> => {
  let res: Response;
  try {
    res = await deps.fetcher(`${settings.url}/1.1/${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'User-Agent': 'Causerie/1 | Akismet/1',
      },
      body,
      signal: AbortSignal.timeout(deps.timeoutMs ?? AKISMET_TIMEOUT_MS),
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new AkismetError(timedOut ? `${method} timed out` : `${method} unreachable`);
  }
  const text = (await res.text()).trim();
  if (!res.ok) throw new AkismetError(`${method} answered HTTP ${res.status}`);
  const help = res.headers.get('X-akismet-debug-help');
  if (text === 'invalid' || help) {
    throw new AkismetError(`${method}: ${help ?? 'invalid request or key'}`, text === 'invalid');
  }
  return { text, headers: res.headers };
};

/**
 * comment-check's verdict on a comment; throws AkismetError when Akismet gave none.
 * @example await checkComment(settings.akismet, comment, { fetcher: fetch })
 */
export const checkComment = async (
  settings: AkismetSettings,
  comment: AkismetComment,
  deps: AkismetDeps,
): Promise<SpamCheckResult> => {
  const { text, headers } = await call(settings, 'comment-check', form(settings.key, comment), deps);
  if (text === 'false') return { check: 'akismet', verdict: 'pass', score: 0, detail: 'akismet: not spam' };
  if (text !== 'true') throw new AkismetError(`comment-check answered ${JSON.stringify(text.slice(0, 40))}`);
  const discard = headers.get('X-akismet-pro-tip')?.trim().toLowerCase() === 'discard';
  return discard
    ? { check: 'akismet', verdict: 'reject', score: 1, detail: 'akismet: blatant spam (pro-tip: discard)' }
    : { check: 'akismet', verdict: 'hold', score: 1, detail: 'akismet: spam' };
};

/** Tells Akismet it was wrong (or right): `spam` after a moderator marks spam, `ham` after an approval. */
export const submitFeedback = async (
  settings: AkismetSettings,
  kind: 'spam' | 'ham',
  comment: AkismetComment,
  deps: AkismetDeps,
): Promise<void> => {
  const { text } = await call(
    settings,
    kind === 'spam' ? 'submit-spam' : 'submit-ham',
    form(settings.key, comment),
    deps,
  );
  if (!text.startsWith('Thanks'))
    throw new AkismetError(`submit-${kind} answered ${JSON.stringify(text.slice(0, 40))}`);
};

/** verify-key: whether the key works for this site (for the owner's checks). */
export const verifyKey = async (
  settings: AkismetSettings,
  blog: string,
  deps: AkismetDeps,
): Promise<boolean> => {
  try {
    const { text } = await call(
      settings,
      'verify-key',
      new URLSearchParams({ api_key: settings.key, blog }),
      deps,
    );
    return text === 'valid';
  } catch (err) {
    if (err instanceof AkismetError && err.invalid) return false;
    throw err;
  }
};

const origin = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

/** The candidate as Akismet reads it. */
export const akismetComment = (candidate: SpamCandidate): AkismetComment => ({
  blog: origin(candidate.pageUrl),
  permalink: candidate.pageUrl,
  ip: candidate.ip,
  userAgent: candidate.userAgent,
  referrer: candidate.referrer,
  authorName: candidate.authorName,
  authorEmail: candidate.authorEmail,
  authorWebsite: candidate.authorWebsite,
  content: candidate.body,
  ...(candidate.edit ? { recheck: 'edit' } : {}),
});

/**
 * The check the pipeline runs (services/spam/registry.ts adds it when AKISMET_KEY is set).
 * @example akismetCheck(settings.akismet, { fetcher: fetch })
 */
export const akismetCheck = (settings: AkismetSettings, deps: AkismetDeps): SpamCheck => ({
  name: 'akismet',
  run: (candidate) => checkComment(settings, akismetComment(candidate), deps),
});
