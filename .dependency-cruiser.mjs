/**
 * The worker's layers, enforced in `npm test` (`npm run deps`): routes → services → db, with lib/ holding
 * I/O-free helpers and types/ the shared types. docs/architecture.md explains each rule.
 * @type {import('dependency-cruiser').IConfiguration}
 */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle, even a type-only one, means two modules are one concern or one is misplaced.',
      from: { path: '^worker/' },
      to: { circular: true },
    },
    {
      name: 'db-stays-below',
      severity: 'error',
      comment: 'db/ holds the SQL; it knows rows, shared types and pure helpers (lib/), nothing above it.',
      from: { path: '^worker/db/' },
      to: { path: '^worker/(services|routes|middleware)/|^worker/(index|errors)\\.ts$' },
    },
    {
      name: 'services-below-http',
      severity: 'error',
      comment: 'services/ never reach back up into routes or middleware.',
      from: { path: '^worker/services/' },
      to: { path: '^worker/(routes|middleware)/|^worker/index\\.ts$' },
    },
    {
      name: 'lib-is-pure',
      severity: 'error',
      comment:
        'lib/ holds I/O-free helpers: no D1/KV (db, services), no HTTP (routes, middleware, Hono). ' +
        'Except hono/utils/*: pure functions (base64url, constant-time compare) that would otherwise be ' +
        'written a second time here; they touch no request, so the CLI runs them in Node too.',
      from: { path: '^worker/lib/' },
      to: {
        // Subpath imports (`hono/utils/buffer`) stay unresolved by dependency-cruiser, so match the name too.
        path: '^worker/(db|services|routes|middleware)/|^worker/(index|errors)\\.ts$|node_modules/(hono|@hono)/|^(hono|@hono/[^/]+)(/|$)',
        pathNot: '^hono/utils/|node_modules/hono/dist/(cjs/|types/)?utils/',
      },
    },
    {
      name: 'zod-through-lib',
      severity: 'error',
      comment:
        'Schemas import zod from lib/zod.ts, which installs the English messages zod/mini lacks; the classic ' +
        '`zod` entry point would add ~700 KiB to the bundle (issue 21, item 4).',
      from: { path: '^worker/', pathNot: '^worker/lib/zod\\.ts$' },
      to: { path: '^zod(/|$)|node_modules/zod/' },
    },
    {
      name: 'types-only-types',
      severity: 'error',
      comment: 'types/ is the contract: it may import other types, nothing else.',
      from: { path: '^worker/types/' },
      to: { pathNot: '^worker/types/' },
    },
    {
      name: 'routes-mount-no-middleware',
      severity: 'error',
      comment:
        'Middleware is mounted where the app is composed (index.ts, routes/admin/index.ts); a route only ' +
        'uses the validator factory, never a middleware module’s internals.',
      from: { path: '^worker/routes/', pathNot: '^worker/routes/admin/index\\.ts$' },
      to: { path: '^worker/middleware/', pathNot: '^worker/middleware/validate\\.ts$' },
    },
    {
      name: 'widget-only-through-render',
      severity: 'error',
      comment:
        'The worker renders threads with the widget’s own components (issue 15) in services/render/ only, ' +
        'through `#widget-ssr` (widget/src/ssr/): nowhere else does worker code reach into the widget.',
      from: { path: '^worker/', pathNot: '^worker/services/render/' },
      to: { path: '^widget/|^#widget-ssr$' },
    },
    {
      name: 'widget-knows-worker-types-only',
      severity: 'error',
      comment:
        'The widget runs in readers’ browsers: of the worker it may import the contract (worker/types/) and ' +
        'nothing else, so no server code ever ships to a page.',
      from: { path: '^widget/' },
      to: { path: '^worker/', pathNot: '^worker/types/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'worker-configuration\\.d\\.ts$' },
    // Type-only imports count: a cycle or a forbidden edge through `import type` is still a wrong layer.
    tsPreCompilationDeps: true,
    // dependency-cruiser reads TypeScript through the typescript package only up to 6.x; ours is the native
    // TS 7 (no JS API yet), so it parses with swc, which keeps `import type` edges too.
    parser: 'swc',
    tsConfig: { fileName: 'worker/tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
    skipAnalysisNotInRules: true,
  },
};
