/**
 * Security headers on every API answer (issue 11, item 7): JSON, problem+json, the feed and the small HTML
 * pages of /unsubscribe and /confirm. `default-src 'none'` (the answers load nothing), `frame-ancestors
 * 'none'` (no page frames them), `form-action 'self'` (the confirm page's button posts to itself), nosniff.
 * No Cross-Origin-Resource-Policy: readers' pages on other origins call this API (CORS, middleware/origin.ts).
 * Static files (the widget, the admin page) get theirs from dist/_headers (demo/_headers).
 */
import { secureHeaders } from 'hono/secure-headers';

export const apiHeaders = () =>
  secureHeaders({
    // A page that sets its own policy keeps it: the sign-in popup's allows its one nonce'd script.
    overwrite: false,
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: true,
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginEmbedderPolicy: false,
    originAgentCluster: false,
    strictTransportSecurity: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
