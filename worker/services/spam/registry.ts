/**
 * Which checks run, in which order: SPAM_CHECKS names them (`rules,filter,akismet` by default); each name
 * maps to a factory that builds its check from the settings, or answers `null` when it is not configured
 * (the filter with SPAM_FILTER=off, Akismet without AKISMET_KEY). Unknown names are skipped, so a typo
 * never stops comments; the admin page's figures show which checks answered.
 * A new check adds ONE line to CHECKS.
 */
import type { SpamModel } from '../../db/spam-model.ts';
import type { Settings } from '../../env.ts';
import { akismetCheck } from './akismet.ts';
import { filterCheck } from './filter-check.ts';
import { rulesCheck } from './rules-check.ts';
import type { SpamCheck } from './types.ts';

export interface CheckDeps {
  db: D1Database;
  settings: Settings;
  /** How a network check calls its service; `fetch` unless a test says otherwise. */
  fetcher: typeof fetch;
  /** The learning filter's counts of this comment's features, when the caller read them already. */
  model?: SpamModel | null;
}

type CheckFactory = (deps: CheckDeps) => SpamCheck | null;

const CHECKS: Record<string, CheckFactory> = {
  rules: ({ settings }) => rulesCheck(settings),
  filter: ({ db, settings, model }) =>
    settings.spam.filter ? filterCheck(db, settings.spam.threshold, model) : null,
  akismet: ({ settings, fetcher }) => (settings.akismet ? akismetCheck(settings.akismet, { fetcher }) : null),
};

/** The configured checks, in SPAM_CHECKS order. */
export const buildSpamChecks = (deps: CheckDeps): SpamCheck[] =>
  deps.settings.spam.checks.flatMap((name) => {
    const check = Object.hasOwn(CHECKS, name) ? CHECKS[name]?.(deps) : null;
    return check ? [check] : [];
  });
