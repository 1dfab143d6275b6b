// Vite's `import.meta.glob` (resolved at transform time), for the tests that read ../shared fixtures
// which may be absent: a glob finds nothing where a static import would fail the whole file.
interface ImportMeta {
  glob(pattern: string, options: { query: '?raw'; import: 'default'; eager: true }): Record<string, string>;
}
