/**
 * The byte encodings of our tokens, cursors and hashes, in one place: unpadded base64url (RFC 4648 §5)
 * on top of Hono's encoder, and lowercase hex, which Hono does not export.
 */
import { decodeBase64Url, encodeBase64Url } from 'hono/utils/encode';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Unpadded: tokens and cursors travel in URLs and headers, where `=` is only noise.
 * @example toBase64Url(new TextEncoder().encode('hi')) // 'aGk'
 */
export const toBase64Url = (bytes: ArrayBuffer | Uint8Array): string =>
  encodeBase64Url(bytes instanceof Uint8Array ? bytes.slice().buffer : bytes).replace(/=+$/, '');

/**
 * The bytes behind unpadded base64url, or `null` when the text is none: only the URL-safe alphabet (atob
 * would also take `+`, `/`, `=` and spaces), and never a length of 4n+1, on which atob throws.
 */
export const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> | null => {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    return decodeBase64Url(text);
  } catch {
    return null;
  }
};

/** A string (a cursor's JSON) as unpadded base64url of its UTF-8. */
export const textToBase64Url = (text: string): string => toBase64Url(encoder.encode(text));

/** The string `textToBase64Url` wrote, or `null` for anything that is no base64url. */
export const base64UrlToText = (text: string): string | null => {
  const bytes = fromBase64Url(text);
  return bytes && decoder.decode(bytes);
};

/** @example toHex(new Uint8Array([0, 255])) // '00ff' */
export const toHex = (bytes: ArrayBuffer | Uint8Array): string =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** The bytes of an even-length hex string (callers check its alphabet and length first). */
export const fromHex = (hex: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(hex.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16));
