// What test/support/identity-servers.ts and webmention-source.ts (the worker project's global setup) provide to the tests.
declare module 'vitest' {
  export interface ProvidedContext {
    oidcIssuer: string;
    githubUrl: string;
    ssoJwksUrl: string;
    ssoPrivateJwk: string;
    webmentionSource: string;
  }
}

export {};
