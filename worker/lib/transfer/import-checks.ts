/**
 * The API's rules applied to an import (issue 11): every importer (Causerie files, WXR, Disqus, Commento,
 * the CLI's batches) reaches the database through `importFile`, which runs this first. A page URL or a
 * website must be http(s), names, e-mails, websites and titles keep to the reader API's limits
 * (schemas.ts LIMITS), a body to MAX_COMMENT_LENGTH. What breaks a rule is dropped or cut and counted in
 * `warnings` (a comment whose body is too long is skipped, with an error naming it); what only the owner
 * may set (the moderator badge, likes) is kept, since only the owner can import, and counted too.
 */
import type { Settings } from '../../env.ts';
import type { ImportWarning } from '../../types/api.ts';
import { LIMITS } from '../schemas.ts';
import * as z from '../zod.ts';
import type { ExportComment, ExportFile, ExportThread } from './causerie-format.ts';
import type { ImportError } from './model.ts';

export interface CheckedImport {
  file: ExportFile;
  warnings: ImportWarning[];
  errors: ImportError[];
  /** Comments left out: those of a refused thread, and those too long. */
  skipped: number;
}

const isHttpUrl = (value: string): boolean => {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
};

const email = z.email();
const AVATAR = /^[0-9a-f]{1,64}$/;

/** Cuts to `max` characters (code points, as the API counts them). */
const cut = (text: string, max: number): string => [...text].slice(0, max).join('');
const tooLong = (text: string, max: number): boolean => [...text].length > max;

const MESSAGES: Record<string, string> = {
  'title:cut': `cut to ${LIMITS.title} characters`,
  'author.name:cut': `cut to ${LIMITS.name} characters`,
  'author.email:dropped': 'not a valid e-mail address (or too long): left out',
  'author.website:dropped': `not an http(s) URL of at most ${LIMITS.website} characters: left out`,
  'author.avatar:replaced': 'not a hex avatar seed: computed again',
  'author.moderator:kept': 'moderator badge taken from the file (only the owner can import)',
  'likes:kept': 'like counts taken from the file (only the owner can import)',
  'thread.likes:kept': 'page like counts taken from the file (only the owner can import)',
};

/**
 * @example const { file, warnings, errors, skipped } = checkImport(parsed, settings)
 */
export const checkImport = (input: ExportFile, settings: Settings): CheckedImport => {
  const counts = new Map<string, number>();
  const note = (field: string, action: ImportWarning['action']) =>
    counts.set(`${field}:${action}`, (counts.get(`${field}:${action}`) ?? 0) + 1);
  const errors: ImportError[] = [];
  let skipped = 0;

  const checkComment = (c: ExportComment, position: string): ExportComment | null => {
    if (c.status !== 'deleted' && tooLong(c.body.trim(), settings.maxCommentLength)) {
      errors.push({
        position,
        message: `comment ${c.id} skipped: longer than ${settings.maxCommentLength} characters`,
      });
      return null;
    }
    const author = { ...c.author };
    if (author.name && tooLong(author.name.trim(), LIMITS.name)) {
      author.name = cut(author.name.trim(), LIMITS.name);
      note('author.name', 'cut');
    }
    if (
      author.email &&
      !(author.email.length <= LIMITS.email && email.safeParse(author.email.trim()).success)
    ) {
      author.email = null;
      note('author.email', 'dropped');
    }
    const site = author.website?.trim();
    if (site && !(site.length <= LIMITS.website && isHttpUrl(site))) {
      author.website = null;
      note('author.website', 'dropped');
    }
    if (author.avatar !== null && !AVATAR.test(author.avatar)) {
      author.avatar = null;
      note('author.avatar', 'replaced');
    }
    if (author.moderator) note('author.moderator', 'kept');
    if (c.likes > 0) note('likes', 'kept');
    return { ...c, author };
  };

  const checkThread = (t: ExportThread, index: number): ExportThread[] => {
    if (!isHttpUrl(t.url.trim())) {
      errors.push({
        position: `threads[${index}]`,
        message: `not an absolute http(s) URL: ${cut(t.url, 200)}`,
      });
      skipped += t.comments.length;
      return [];
    }
    let title = t.title;
    if (tooLong(title, LIMITS.title)) {
      title = cut(title, LIMITS.title);
      note('title', 'cut');
    }
    if (t.likes > 0) note('thread.likes', 'kept');
    const comments = t.comments.flatMap((c, i) => {
      const checked = checkComment(c, `threads[${index}].comments[${i}]`);
      if (!checked) skipped += 1;
      return checked ? [checked] : [];
    });
    return [{ ...t, title, comments }];
  };

  const file = { ...input, threads: input.threads.flatMap(checkThread) };
  const warnings = [...counts].map(([key, count]): ImportWarning => {
    const [field, action] = key.split(':') as [string, ImportWarning['action']];
    return { field, action, count, message: MESSAGES[key] ?? action };
  });
  return { file, warnings, errors, skipped };
};
