/** The zod schemas of the account endpoints (/me, /auth/logout, /auth/email): issue 13, part B. */
import { LIMITS, queryLimit } from './schemas.ts';
import * as z from './zod.ts';

/** `GET /me/comments`: `cursor` is the `nextCursor` of the page before (a decimal position). */
export const ownCommentsQuerySchema = z.object({
  cursor: z.optional(
    z.pipe(
      z.string().check(z.regex(/^[1-9]\d{0,15}$/, { error: 'must be a cursor this API returned' })),
      z.transform(Number),
    ),
  ),
  limit: queryLimit(50, 100),
});

export const logoutSchema = z.object({
  all: z.optional(z.boolean({ error: 'must be true or false' })),
});

const httpUrl = z.string({ error: 'must be a string' }).check(
  z.maxLength(LIMITS.url, { error: `must be at most ${LIMITS.url} characters` }),
  z.refine(
    (value) => {
      try {
        return ['http:', 'https:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { error: 'must be an absolute http(s) URL' },
  ),
);

/** `POST /auth/email`: `origin` is the page's origin (an allowed one); `url` the page to come back to. */
export const emailSignInSchema = z.object({
  email: z
    .email({ error: 'must be a valid e-mail address' })
    .check(z.maxLength(LIMITS.email, { error: `must be at most ${LIMITS.email} characters` })),
  origin: httpUrl,
  url: z.optional(httpUrl),
  /** The name to comment under (the form's); a first sign-in without one takes the address's local part. */
  name: z.optional(
    z
      .string({ error: 'must be a string' })
      .check(
        z.trim(),
        z.minLength(1, { error: 'must not be empty' }),
        z.maxLength(LIMITS.name, { error: `must be at most ${LIMITS.name} characters` }),
      ),
  ),
});

/** `GET|POST /auth/email/verify?token=…`: the 43 base64url characters of the magic link. */
export const verifyQuerySchema = z.object({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, { error: 'is not a sign-in link token' })),
});
