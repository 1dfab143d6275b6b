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
      const [who = '', suffix] = item.split('=', 2).map((part) => part.trim());
      const role: StaffRole = suffix?.toLowerCase() === 'owner' ? 'owner' : 'moderator';
      if (EMAIL.test(who)) return [{ email: who.toLowerCase(), role }];
      const identity = IDENTITY.exec(who);
      return identity?.[1] && identity[2] ? [{ provider: identity[1], subject: identity[2], role }] : [];
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
