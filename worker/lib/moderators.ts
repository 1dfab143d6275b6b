/**
 * MODERATORS (issue 13, item 6): the accounts the owner names as staff, each by a verified e-mail address
 * or a `provider:id` identity, optionally `=owner` (else the role is `moderator`):
 * `MODERATORS="ana@example.com=owner, github:1234, oidc:3f2c…"`. Entries that parse as neither are
 * dropped. An address matches only an account whose address a provider, a magic link or SSO verified.
 */
import type { StaffRole } from '../types/api.ts';

export type ModeratorEntry = { role: StaffRole } & (
  | { email: string }
  | { provider: string; subject: string }
);

const EMAIL = /^[^\s@,]+@[^\s@,]+$/;
const IDENTITY = /^([a-z][a-z0-9_-]*):(\S+)$/;

/**
 * @example parseModerators('ana@example.com=owner, github:42') // [{ email, role: 'owner' }, { provider, subject, role: 'moderator' }]
 */
export const parseModerators = (value: string | undefined): ModeratorEntry[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .flatMap((item): ModeratorEntry[] => {
      // The role is what follows the last `=`, when it is one: an OIDC subject may hold `=` itself.
      const eq = item.lastIndexOf('=');
      const suffix =
        eq >= 0
          ? item
              .slice(eq + 1)
              .trim()
              .toLowerCase()
          : '';
      const named = suffix === 'owner' || suffix === 'moderator';
      const who = named ? item.slice(0, eq).trim() : item;
      const role: StaffRole = suffix === 'owner' ? 'owner' : 'moderator';
      // `provider:id` first: `email:ana@example.com` is an identity, not an address with a colon.
      const identity = IDENTITY.exec(who);
      if (identity?.[1] && identity[2]) {
        // A magic link's identity is the lower-cased address; other providers' ids compare exactly.
        const subject = identity[1] === 'email' ? identity[2].toLowerCase() : identity[2];
        return [{ provider: identity[1], subject, role }];
      }
      return EMAIL.test(who) ? [{ email: who.toLowerCase(), role }] : [];
    });

/**
 * The strongest role the entries give an account with this verified address and these identities, or `null`.
 */
export const staffRole = (
  entries: readonly ModeratorEntry[],
  account: { email: string | null; identities: ReadonlyArray<{ provider: string; subject: string }> },
): StaffRole | null => {
  let role: StaffRole | null = null;
  for (const entry of entries) {
    const matches =
      'email' in entry
        ? account.email !== null && account.email.toLowerCase() === entry.email
        : account.identities.some((i) => i.provider === entry.provider && i.subject === entry.subject);
    if (matches && (role === null || entry.role === 'owner')) role = entry.role;
  }
  return role;
};
