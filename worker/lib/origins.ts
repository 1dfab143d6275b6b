/** Which origins may use the reader API: the worker's own, and those the owner listed in ALLOWED_ORIGINS. */
import { canonicalOrigin, type Settings } from '../env.ts';

/**
 * @example isAllowedOrigin('https://blog.example', 'https://comments.example', settings) // true if listed
 */
export const isAllowedOrigin = (origin: string, ownOrigin: string, settings: Settings): boolean => {
  const canonical = canonicalOrigin(origin);
  if (canonical === null) return false;
  return canonical === ownOrigin || settings.allowedOrigins.has(canonical);
};
