/**
 * Cloudflare Turnstile's server half: the widget's token checked with siteverify before anything is
 * stored (https://developers.cloudflare.com/turnstile/get-started/server-side-validation/). POST, a JSON
 * body `{ secret, response, remoteip, idempotency_key }`; the answer `{ success, hostname, action,
 * 'error-codes' }`. A token verifies once and lives 300 s, at most 2,048 characters; a retry of the same
 * post sends the same UUID as `idempotency_key`, which siteverify accepts again for that token.
 *
 * Three outcomes: `pass`; `refused` (no token, a bad or spent one, another site's hostname, another
 * action) — the route answers 403 `challenge_failed` and stores nothing; `unavailable` (siteverify down,
 * 5xx, not JSON, too slow) — the comment is stored held with the reason "challenge unavailable": a check
 * that errors never loses a comment (issue 14), and a held comment is only published by the owner.
 */
import { keyedHash } from '../../lib/crypto.ts';
import type { TurnstileSettings } from '../../lib/integration-settings.ts';
import type { SpamCheckResult } from './types.ts';

/** The `action` the widget renders with (widget/src/challenge/), checked on the answer. */
export const TURNSTILE_ACTION = 'comment';
/** siteverify's own limit on a token. */
export const MAX_TOKEN_LENGTH = 2048;
/** Past this, siteverify counts as unavailable (the reader is waiting for their post). */
export const SITEVERIFY_TIMEOUT_MS = 5_000;

export type ChallengeOutcome =
  | { kind: 'pass' }
  | { kind: 'refused'; detail: string }
  | { kind: 'unavailable'; detail: string };

export interface ChallengeInput {
  token: string | undefined;
  ip: string | null;
  /** The post's clientId: retries of one post share the idempotency key. */
  clientId: string | undefined;
  /** Which hostnames may have rendered the challenge: the allowed origins' and the worker's own. */
  hostnameAllowed: (hostname: string) => boolean;
}

export interface ChallengeDeps {
  secretKey: string;
  fetcher: typeof fetch;
  timeoutMs?: number;
}

/**
 * A UUID (v4 layout, as siteverify asks) derived from the post's clientId and the token: the same for every
 * retry of one post with one token (siteverify then verifies that token again), another for a new token.
 */
export const idempotencyKey = async (secretKey: string, clientId: string, token: string): Promise<string> => {
  const hex = await keyedHash(secretKey, 'turnstile-idempotency', `${clientId}\n${token}`, 32);
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

interface SiteverifyAnswer {
  success: boolean;
  hostname?: unknown;
  action?: unknown;
  'error-codes'?: unknown;
}

const isAnswer = (value: unknown): value is SiteverifyAnswer =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { success?: unknown }).success === 'boolean';

const errorCodes = (answer: SiteverifyAnswer): string =>
  Array.isArray(answer['error-codes']) && answer['error-codes'].length
    ? answer['error-codes'].map(String).join(', ')
    : 'no error code';

/**
 * Verifies a reader's token.
 * @example await verifyChallenge(settings.turnstile, { token, ip, clientId, hostnameAllowed }, deps)
 */
export const verifyChallenge = async (
  settings: TurnstileSettings,
  input: ChallengeInput,
  deps: ChallengeDeps,
): Promise<ChallengeOutcome> => {
  const token = input.token?.trim() ?? '';
  if (!token) return { kind: 'refused', detail: 'no challenge token' };
  if (token.length > MAX_TOKEN_LENGTH) return { kind: 'refused', detail: 'the challenge token is too long' };
  const body: Record<string, string> = { secret: settings.secret, response: token };
  if (input.ip) body.remoteip = input.ip;
  if (input.clientId) body.idempotency_key = await idempotencyKey(deps.secretKey, input.clientId, token);
  let answer: unknown;
  try {
    const res = await deps.fetcher(settings.verifyUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(deps.timeoutMs ?? SITEVERIFY_TIMEOUT_MS),
    });
    if (!res.ok) {
      await res.body?.cancel();
      return { kind: 'unavailable', detail: `siteverify answered HTTP ${res.status}` };
    }
    answer = await res.json();
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return {
      kind: 'unavailable',
      detail: timedOut ? 'siteverify timed out' : 'siteverify unreachable or not JSON',
    };
  }
  if (!isAnswer(answer)) return { kind: 'unavailable', detail: 'siteverify answered without `success`' };
  // Our own secret refused: the owner's configuration, not the reader's doing; never their loss.
  const codes = errorCodes(answer);
  if (!answer.success && /missing-input-secret|invalid-input-secret/.test(codes)) {
    return { kind: 'unavailable', detail: `siteverify refused the secret (${codes})` };
  }
  if (!answer.success) return { kind: 'refused', detail: `siteverify: ${codes}` };
  if (typeof answer.hostname !== 'string' || !input.hostnameAllowed(answer.hostname)) {
    return {
      kind: 'refused',
      detail: `the challenge was solved on another site (${String(answer.hostname)})`,
    };
  }
  if (answer.action !== TURNSTILE_ACTION) {
    return { kind: 'refused', detail: `the challenge was for another action (${String(answer.action)})` };
  }
  return { kind: 'pass' };
};

/** The pipeline's record of a challenge that could not be verified (the comment is held). */
export const challengeUnavailable = (detail: string): SpamCheckResult => ({
  check: 'turnstile',
  verdict: 'hold',
  score: 0,
  detail: `challenge unavailable: ${detail}`,
});
