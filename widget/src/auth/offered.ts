/**
 * Whether a sign-in box is up for a deployment on this page, i.e. whether its `GET /config` offers sign-in
 * and the sign-in part is in. The extras post with the stored session only then: where the owner turned
 * sign-in off, or before the part arrives, the reader sees and fills the guest fields, so the comment goes
 * as theirs, not as a session left from earlier. A page-wide flag, as `window.causerieApps` is: the extras
 * and the sign-in part are separate bundles.
 */
declare global {
  interface Window {
    causerieSignIn?: Record<string, true>;
  }
}

export const markSignInOffered = (origin: string): void => {
  window.causerieSignIn ??= {};
  window.causerieSignIn[origin] = true;
};

export const signInOffered = (origin: string): boolean => window.causerieSignIn?.[origin] === true;
