/**
 * The settings of the optional third parties of issue 14 (API.md "Configuration names"): Cloudflare
 * Turnstile, Akismet and Telegram. Each is off (`null`) while its variables are unset; the `*_URL`
 * overrides exist so tests can point at a server on 127.0.0.1 and must be http(s) URLs.
 */

export interface TurnstileSettings {
  siteKey: string;
  secret: string;
  /** TURNSTILE_VERIFY_URL, else Cloudflare's siteverify. */
  verifyUrl: string;
  /** TURNSTILE_SIGNED_IN: `skip` (default) lets signed-in readers post without a challenge. */
  signedIn: 'skip' | 'verify';
}

export interface AkismetSettings {
  key: string;
  /** AKISMET_URL: the API root (without `/1.1/`), else Akismet's. */
  url: string;
}

export interface TelegramSettings {
  botToken: string;
  chatId: string;
  /** TELEGRAM_API_URL: the Bot API root (without `/bot<token>/`), else Telegram's. */
  apiUrl: string;
}

export const TURNSTILE_VERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';
export const AKISMET_URL = 'https://rest.akismet.com';
export const TELEGRAM_API_URL = 'https://api.telegram.org';

/** The raw vars these read; wrangler's generated Env names them once `npm run types` has run. */
export type IntegrationVars = Partial<
  Record<
    | 'TURNSTILE_SITE_KEY'
    | 'TURNSTILE_SECRET'
    | 'TURNSTILE_VERIFY_URL'
    | 'TURNSTILE_SIGNED_IN'
    | 'AKISMET_KEY'
    | 'AKISMET_URL'
    | 'TELEGRAM_BOT_TOKEN'
    | 'TELEGRAM_CHAT_ID'
    | 'TELEGRAM_API_URL',
    string
  >
>;

/** An override URL, without a trailing slash; the default when unset or not an http(s) URL. */
const endpoint = (value: string | undefined, fallback: string): string => {
  const text = value?.trim() ?? '';
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:' ? text.replace(/\/+$/, '') : fallback;
  } catch {
    return fallback;
  }
};

/** On only with both halves: a site key without its secret would show a challenge nobody verifies. */
export const readTurnstile = (vars: IntegrationVars): TurnstileSettings | null => {
  const siteKey = vars.TURNSTILE_SITE_KEY?.trim() ?? '';
  const secret = vars.TURNSTILE_SECRET?.trim() ?? '';
  if (!siteKey || !secret) return null;
  return {
    siteKey,
    secret,
    verifyUrl: endpoint(vars.TURNSTILE_VERIFY_URL, TURNSTILE_VERIFY_URL),
    signedIn: vars.TURNSTILE_SIGNED_IN?.trim().toLowerCase() === 'verify' ? 'verify' : 'skip',
  };
};

export const readAkismet = (vars: IntegrationVars): AkismetSettings | null => {
  const key = vars.AKISMET_KEY?.trim() ?? '';
  return key ? { key, url: endpoint(vars.AKISMET_URL, AKISMET_URL) } : null;
};

export const readTelegram = (vars: IntegrationVars): TelegramSettings | null => {
  const botToken = vars.TELEGRAM_BOT_TOKEN?.trim() ?? '';
  const chatId = vars.TELEGRAM_CHAT_ID?.trim() ?? '';
  if (!botToken || !chatId) return null;
  return { botToken, chatId, apiUrl: endpoint(vars.TELEGRAM_API_URL, TELEGRAM_API_URL) };
};
