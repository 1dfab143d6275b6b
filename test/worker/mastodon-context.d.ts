// What test/support/fake-mastodon.ts (a global setup of the worker project) provides to the tests.
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    fakeMastodon: string;
  }
}
