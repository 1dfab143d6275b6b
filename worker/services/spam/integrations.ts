/**
 * The integrations of issue 14 (part I) in the posting path: the Turnstile gate before anything is
 * stored, Akismet's verdict on what is about to be stored, and the sealed context Akismet's feedback
 * needs later.
 * Akismet's comment-check itself is one of the pipeline's checks (registry.ts → akismet.ts).
 */
import { insertSpamContext } from '../../db/spam-context.ts';
import type { Settings } from '../../env.ts';
import { ApiError } from '../../errors.ts';
import { seal, unseal } from '../../lib/sealed-box.ts';
import type { PostContext } from '../posting/context.ts';
import { challengeUnavailable, verifyChallenge } from './turnstile.ts';
import type { SpamCheckResult } from './types.ts';

/** How long the poster's IP and user agent are kept for Akismet's feedback (README "Privacy"). */
export const SPAM_CONTEXT_DAYS = 30;
const PURPOSE = 'spam-context';

/** How the worker calls third parties (siteverify, Akismet): the test's fetcher, else the global fetch. */
export const fetcherOf = (ctx: PostContext): typeof fetch =>
  ctx.fetcher ?? ((input, init) => fetch(input, init));

const hostOf = (origin: string): string | null => {
  try {
    return new URL(origin).hostname;
  } catch {
    return null;
  }
};

/** The hostnames a challenge may have been solved on: the allowed origins' and the worker's own. */
const allowedHostnames = (ctx: PostContext): Set<string> =>
  new Set(
    [...ctx.settings.allowedOrigins, ...(ctx.origin ? [ctx.origin] : [])]
      .map(hostOf)
      .filter((h): h is string => h !== null),
  );

/**
 * Turnstile, when on: throws 403 `challenge_failed` for a missing or refused token; answers a hold
 * (reason "challenge unavailable") when siteverify could not say; `null` when the post may go on as is.
 * Signed-in readers pass without a token unless TURNSTILE_SIGNED_IN=verify.
 */
/** Whether this post goes through Turnstile at all (on, and not a signed-in reader it lets pass). */
export const challengeApplies = (ctx: PostContext): boolean =>
  ctx.settings.turnstile !== null && !(ctx.reader && ctx.settings.turnstile.signedIn === 'skip');

export const challengeGate = async (
  ctx: PostContext,
  input: { challengeToken?: string | undefined; clientId?: string | undefined },
): Promise<SpamCheckResult | null> => {
  const turnstile = ctx.settings.turnstile;
  if (!turnstile || !challengeApplies(ctx)) return null;
  const hosts = allowedHostnames(ctx);
  const outcome = await verifyChallenge(
    turnstile,
    {
      token: input.challengeToken,
      ip: ctx.ip,
      clientId: input.clientId,
      hostnameAllowed: (hostname) => hosts.has(hostname.toLowerCase()),
    },
    { secretKey: ctx.settings.secretKey, fetcher: fetcherOf(ctx) },
  );
  if (outcome.kind === 'refused') throw new ApiError('challenge_failed', outcome.detail);
  if (outcome.kind === 'unavailable') {
    console.error('turnstile:', outcome.detail);
    return challengeUnavailable(outcome.detail);
  }
  return null;
};

export interface SpamContext {
  ip: string | null;
  userAgent: string | null;
  referrer: string | null;
}

/**
 * Keeps the poster's IP, user agent and referrer, sealed, for Akismet's feedback; only when Akismet is on.
 * Never throws for D1: the comment is already stored when this runs.
 */
export const keepSpamContext = async (
  db: D1Database,
  settings: Settings,
  commentId: string,
  context: SpamContext,
  now: Date,
): Promise<void> => {
  if (!settings.akismet || (!context.ip && !context.userAgent)) return;
  const expiresAt = new Date(now.getTime() + SPAM_CONTEXT_DAYS * 86_400_000).toISOString();
  const sealed = await seal(settings.secretKey, PURPOSE, JSON.stringify(context));
  try {
    await insertSpamContext(db, { commentId, sealed, expiresAt, now: now.toISOString() });
  } catch (err) {
    // The comment is stored: losing what a later feedback would need must not fail the reader's post.
    console.error(`spam context of comment ${commentId} not kept:`, err);
  }
};

/** The context kept for a comment, or `null` (expired, never kept, or sealed under another key). */
export const openSpamContext = async (secretKey: string, sealed: string): Promise<SpamContext | null> => {
  const text = await unseal(secretKey, PURPOSE, sealed);
  if (text === null) return null;
  try {
    return JSON.parse(text) as SpamContext;
  } catch {
    return null;
  }
};
