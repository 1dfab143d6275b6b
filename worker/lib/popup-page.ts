/**
 * The page that ends a sign-in popup (GET /auth/:provider/callback): it posts the result to the window
 * that opened it, at the exact origin recorded with the OAuth state, and closes. No inline handler and one
 * script, allowed by a per-response nonce (the CSP below); the result travels as a JSON data block, which
 * is never executed. Without an opener (the reader opened the link by hand, or a provider's
 * Cross-Origin-Opener-Policy cut the link) the page stays and says what happened.
 */
import type { PopupMessage } from '../types/api.ts';

export interface PopupPage {
  status: 200 | 400 | 401 | 403 | 404;
  /** `null` when nobody may hear the outcome (the state was unknown, so its origin is too). */
  targetOrigin: string | null;
  message: PopupMessage;
}

/** JSON inside <script>: `<` escaped, so no value can close the element (the HTML spec's script data). */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

const TEXT: Record<PopupMessage['type'], string> = {
  'causerie:session': 'You are signed in. You can close this window.',
  'causerie:error': 'Sign-in did not complete. You can close this window and try again.',
};

/** The Content-Security-Policy of the page: nothing but its own nonce'd script. */
export const popupCsp = (nonce: string): string =>
  `default-src 'none'; script-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

export const popupHtml = (page: PopupPage, nonce: string): string => {
  const code = page.message.type === 'causerie:error' ? ` (${page.message.code})` : '';
  const script = page.targetOrigin
    ? `<script type="application/json" id="result">${scriptJson({ origin: page.targetOrigin, message: page.message })}</script>
<script nonce="${nonce}">
const result = JSON.parse(document.getElementById('result').textContent);
if (window.opener) {
  window.opener.postMessage(result.message, result.origin);
  window.close();
}
</script>`
    : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Causerie sign-in</title></head>
<body>
<p>${TEXT[page.message.type]}${code}</p>
${script}
</body>
</html>
`;
};
