/**
 * The page a public read names (`url=`), normalized the way threads are keyed, or a 400 naming `url`:
 * GET /threads, /threads/replies and /feed read it alike (API.md: query-string errors are 400).
 */
import type { Settings } from '../../env.ts';
import { ApiError } from '../../errors.ts';
import { normalizeUrl } from '../../lib/normalize-url.ts';

/** `null` when no `url` was given; the normalized URL otherwise. */
export const requestedPageUrl = (
  url: string | undefined,
  settings: Pick<Settings, 'significantQueryParams'>,
): string | null => {
  if (url === undefined) return null;
  const normalized = normalizeUrl(url, settings.significantQueryParams);
  if (normalized === null) {
    throw new ApiError('bad_request', 'url must be an absolute http(s) URL', {
      errors: [{ field: 'url', message: 'must be an absolute http(s) URL' }],
    });
  }
  return normalized;
};
