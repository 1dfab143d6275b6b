// What test/support/identity-servers.ts (the worker project's global setup) provides to the tests.
declare module 'vitest' {
  export interface ProvidedContext {
    oidcIssuer: string;
    githubUrl: string;
    ssoJwksUrl: string;
    ssoPrivateJwk: string;
  }
}

export {};
