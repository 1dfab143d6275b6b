/**
 * zod for every schema of the worker: `zod/mini`, the tree-shakable functional API of the same package
 * (`z.optional(z.string().check(z.maxLength(80)))` rather than `z.string().max(80).optional()`), which
 * cut 696 KiB of the raw bundle: classic zod's methods and its 40-odd locales (issue 21, item 4).
 * Import zod from here, never from `zod/mini` directly: mini loads no messages by default ("Invalid
 * input" everywhere), so this module installs the English ones the classic API loaded, and the default
 * messages our 422 answers show stay word for word what they were.
 */
import { config, pipe, transform, type ZodMiniType } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';

/**
 * Classic zod's `z.preprocess`, which mini lacks: the very pipe it builds, a transform into the schema.
 * @example preprocess((v) => (v === '' ? undefined : v), z.optional(z.string()))
 */
export const preprocess = <T extends ZodMiniType>(fn: (value: unknown) => unknown, schema: T) =>
  pipe(transform(fn), schema);
