/**
 * POST /api/v1/admin/import?format=wxr|disqus|commento|causerie: the export file of another system (or our
 * own) as the body, up to IMPORT_BODY_LIMIT; answers what was created, skipped and why. Idempotent.
 * Bigger files go through the command-line tool (`causerie import`), which uploads Causerie-format batches.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { ApiError, validationFailed } from '../../errors.ts';
import { exportFileSchema } from '../../lib/transfer/causerie-format.ts';
import { convertFile } from '../../lib/transfer/convert.ts';
import { IMPORT_FORMATS, type ImportFormat } from '../../lib/transfer/model.ts';
import { purgeThreads } from '../../services/pages/edge-cache.ts';
import { importFile } from '../../services/transfer/store.ts';

/** 10 MiB: a Worker holds the file in memory (128 MB) and a request has a CPU budget; the CLI has none. */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

// "The admin import also takes the export file's own type" (API.md, 415).
const TYPES = ['application/json', 'application/xml', 'text/xml', 'application/octet-stream'];

/** Reads the body as UTF-8 text, refusing it (413) as soon as it passes the limit. */
const readBody = async (req: Request): Promise<string> => {
  const tooLarge = () =>
    new ApiError('payload_too_large', `an import must be at most ${IMPORT_BODY_LIMIT} bytes; use the CLI`);
  if (Number(req.headers.get('Content-Length') ?? 0) > IMPORT_BODY_LIMIT) throw tooLarge();
  if (!req.body) return '';
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > IMPORT_BODY_LIMIT) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
};

const parseCauserie = (text: string) => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError('bad_request', 'the body is not valid JSON');
  }
  const parsed = exportFileSchema.safeParse(json);
  if (!parsed.success) {
    throw validationFailed(
      parsed.error.issues
        .slice(0, 20)
        .map((i) => ({ field: i.path.map(String).join('.'), message: i.message })),
    );
  }
  return parsed.data;
};

export const importRoute = new Hono<AppEnv>().post('/', async (c) => {
  const format = c.req.query('format') as ImportFormat | undefined;
  if (!format || !IMPORT_FORMATS.includes(format)) {
    throw new ApiError('bad_request', `format must be one of ${IMPORT_FORMATS.join(', ')}`, {
      errors: [{ field: 'format', message: `must be one of ${IMPORT_FORMATS.join(', ')}` }],
    });
  }
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!TYPES.includes(type)) {
    throw new ApiError('unsupported_media_type', `send the file as one of ${TYPES.join(', ')}`);
  }
  const text = await readBody(c.req.raw);
  const converted =
    format === 'causerie'
      ? { file: parseCauserie(text), skipped: 0, errors: [] }
      : await convertFile(format, text);
  const result = await importFile(c.env.DB, c.get('settings'), converted.file);
  purgeThreads(c, result.touched);
  return c.json({
    threads: result.threads,
    comments: result.comments,
    skipped: converted.skipped + result.skipped,
    duplicates: result.duplicates,
    errors: [...converted.errors, ...result.errors],
    // Only when there are some (API.md): a clean file answers exactly what it did before.
    ...(result.warnings.length ? { warnings: result.warnings } : {}),
  });
});
