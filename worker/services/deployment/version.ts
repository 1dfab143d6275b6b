/**
 * What this build is: the package.json version and the newest migration it ships. Constants rather than
 * imports so the bundle carries two strings, not package.json or the SQL; test/worker/health.test.ts
 * fails when either drifts from package.json or worker/migrations/.
 */
export const VERSION = '0.2.0';
export const LATEST_MIGRATION = '0018_webmentions.sql';
