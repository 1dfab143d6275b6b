/**
 * Comment ids derived from import keys: the same source comment gets the same Causerie id on every run,
 * from the worker or from the command-line tool, so a reply sent in a later batch names its parent without
 * asking the server, and a re-import finds what it already wrote.
 */
import { toBase64Url } from '../encoding.ts';

/**
 * 21 URL-safe characters (126 bits of SHA-256), the shape of a nanoid.
 * @example await importId('disqus:247937687:299619020') // 'kQ2…' (always the same)
 */
export const importId = async (importKey: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(importKey));
  return toBase64Url(digest).slice(0, 21);
};
