/**
 * What a provider or the host site says about a reader, made safe to keep: a name within the form's limit
 * (a provider's display name can be anything), an address only when it was verified, lower-cased, and an
 * avatar only as an http(s) URL.
 */
import { LIMITS } from './schemas.ts';

export interface ProfileClaims {
  provider: string;
  subject: string;
  /** Candidates for the shown name, best first (name, then a login or username); the subject last. */
  names: unknown[];
  /** An address the provider (or the site) verified; anything else is left out before this point. */
  verifiedEmail: unknown;
  avatarUrl: unknown;
}

/** The shape of db/users.ts IdentityProfile (lib does not import db). */
export interface CleanProfile {
  provider: string;
  subject: string;
  name: string;
  email: string | null;
  avatarUrl: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

const cleanName = (names: unknown[], fallback: string): string => {
  const found = names.find((n): n is string => typeof n === 'string' && n.trim() !== '');
  return [...(found ?? fallback).trim()].slice(0, LIMITS.name).join('');
};

const cleanUrl = (value: unknown): string | null => {
  if (typeof value !== 'string' || value.length > LIMITS.website) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
};

export const cleanProfile = (claims: ProfileClaims): CleanProfile => {
  const email = typeof claims.verifiedEmail === 'string' ? claims.verifiedEmail.trim().toLowerCase() : '';
  return {
    provider: claims.provider,
    subject: claims.subject,
    name: cleanName(claims.names, claims.subject),
    email: email.length <= LIMITS.email && EMAIL.test(email) ? email : null,
    avatarUrl: cleanUrl(claims.avatarUrl),
  };
};
