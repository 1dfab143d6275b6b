/**
 * Encryption at rest for the little personal data kept only for a third party the owner chose (the
 * poster's IP and user agent, for Akismet's feedback): AES-GCM with a fresh 96-bit IV per value, under a
 * key derived from SECRET_KEY and a purpose (SHA-256 of both), written as base64url(iv ‖ ciphertext). A
 * copy of the database (an export, a backup, a leaked dump) then holds nothing readable without the
 * worker's secret. https://developer.mozilla.org/en-US/docs/Web/API/SubtleCrypto/encrypt#aes-gcm
 */
import { fromBase64Url, toBase64Url } from './encoding.ts';

const encoder = new TextEncoder();
const IV_BYTES = 12;

const aesKey = async (secret: string, purpose: string): Promise<CryptoKey> => {
  if (!secret) throw new Error('SECRET_KEY is not set');
  const raw = await crypto.subtle.digest('SHA-256', encoder.encode(`sealed-box\n${purpose}\n${secret}`));
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
};

/** @example await seal(secretKey, 'spam-context', JSON.stringify({ ip })) */
export const seal = async (secret: string, purpose: string, plaintext: string): Promise<string> => {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await aesKey(secret, purpose),
    encoder.encode(plaintext),
  );
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return toBase64Url(out);
};

/** The plaintext, or `null` when the box was not sealed with this secret and purpose (or was altered). */
export const unseal = async (secret: string, purpose: string, box: string): Promise<string | null> => {
  const bytes = fromBase64Url(box);
  if (!bytes || bytes.length <= IV_BYTES) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES) },
      await aesKey(secret, purpose),
      bytes.slice(IV_BYTES),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
};
