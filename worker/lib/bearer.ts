/**
 * The credentials of `Authorization: Bearer <token>` (RFC 6750 §2.1), parsed once for the admin token and
 * the edit tokens. Hono's `bearerAuth` answers a malformed header with a bare 400, where our API answers
 * every missing or bad credential with the same problem+json 401 (API.md), so we parse it ourselves.
 */

/**
 * The token, or `null` when the header is absent or not one Bearer token.
 * @example bearerToken('Bearer abc') // 'abc'
 */
export const bearerToken = (header: string | undefined): string | null =>
  /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? null;
