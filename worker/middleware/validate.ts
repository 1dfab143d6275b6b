/**
 * Request validation through zod, with failures rendered as our problem+json: 422 naming each field for
 * bodies, 400 for query strings and for a body that is not a JSON object at all.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { ApiError, validationFailed } from '../errors.ts';
import type * as z from '../lib/zod.ts';
import type { FieldError } from '../types/api.ts';

const toFieldErrors = (issues: readonly z.core.$ZodIssue[]): FieldError[] =>
  issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));

/**
 * @example app.post('/comments', validate('json', newCommentSchema), (c) => c.req.valid('json'))
 */
export const validate = <T extends z.core.$ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) =>
  zValidator(target, schema, (result) => {
    if (result.success) return;
    const errors = toFieldErrors(result.error.issues);
    if (target !== 'json') {
      throw new ApiError('bad_request', errors[0] ? `${errors[0].field} ${errors[0].message}` : undefined, {
        errors,
      });
    }
    if (errors.some((e) => e.field === ''))
      throw new ApiError('bad_request', 'the body must be a JSON object');
    throw validationFailed(errors);
  });
