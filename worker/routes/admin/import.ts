/**
 * POST /api/v1/admin/import?format=wxr|disqus|commento|causerie|isso|remark42|artrans|comentario[&site=ORIGIN]:
 * the export file of another system (or our own) as the body, up to IMPORT_BODY_LIMIT (gzip-compressed or
 * not); answers what was created, skipped and why. Idempotent. `site` turns path-only page keys (Isso,
 * Artrans, Comentario v3) into URLs. Bigger files go through the command-line tool (`causerie import`),
 * which uploads Causerie-format batches.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { ApiError, validationFailed } from '../../errors.ts';
import { exportFileSchema } from '../../lib/transfer/causerie-format.ts';
import { convertFile } from '../../lib/transfer/convert.ts';
import { IMPORT_FORMATS, ImportFileError, type ImportFormat } from '../../lib/transfer/model.ts';
import { purgeThreads } from '../../services/pages/edge-cache.ts';
import { importFile } from '../../services/transfer/store.ts';

/** 10 MiB: a Worker holds the file in memory (128 MB) and a request has a CPU budget; the CLI has none. */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;
/** What a gzip body may expand to: a 10 MiB body of zeros would be 10 GiB (a "gzip bomb"). */
export const IMPORT_DECOMPRESSED_LIMIT = 2 * IMPORT_BODY_LIMIT;

// "The admin import also takes the export file's own type" (API.md, 415).
const TYPES = [
  'application/json',
  'application/xml',
  'text/xml',
  'application/octet-stream',
  'application/gzip',
  'application/x-gzip',
  'application/x-ndjson',
];

const tooLarge = (what: string, limit: number) =>
  new ApiError('payload_too_large', `${what} must be at most ${limit} bytes; use the CLI`);

/** Reads a stream whole, refusing it (413) as soon as it passes `limit` bytes. */
const readCapped = async (
  stream: ReadableStream<Uint8Array>,
  limit: number,
  what: string,
): Promise<Uint8Array> => {
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(what, limit);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
};

/**
 * The body as UTF-8 text. A gzip body is recognized by its magic bytes (1f 8b), whatever the headers say
 * (`Content-Encoding: gzip` or a `.gz` file sent as is): the 10 MiB limit applies to what was sent, the
 * decompressed cap to what it expands to; a corrupt gzip is a 400.
 */
const readBody = async (req: Request): Promise<string> => {
  if (Number(req.headers.get('Content-Length') ?? 0) > IMPORT_BODY_LIMIT)
    throw tooLarge('an import', IMPORT_BODY_LIMIT);
  if (!req.body) return '';
  let bytes = await readCapped(req.body, IMPORT_BODY_LIMIT, 'an import');
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    try {
      bytes = await readCapped(inflated, IMPORT_DECOMPRESSED_LIMIT, 'a decompressed import');
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw new ApiError('bad_request', `the body is not valid gzip: ${(err as Error).message}`);
    }
  }
  return new TextDecoder().decode(bytes);
};

/** `site`: an http(s) origin, or absent. */
const siteOf = (value: string | undefined): string | null => {
  if (value === undefined || value === '') return null;
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/' && !url.search)
      return url.origin;
  } catch {}
  throw validationFailed([
    { field: 'site', message: 'must be an http(s) origin, e.g. https://blog.example' },
  ]);
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
  const site = siteOf(c.req.query('site'));
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!TYPES.includes(type)) {
    throw new ApiError('unsupported_media_type', `send the file as one of ${TYPES.join(', ')}`);
  }
  const text = await readBody(c.req.raw);
  let converted: Awaited<ReturnType<typeof convertFile>>;
  try {
    converted =
      format === 'causerie'
        ? { file: parseCauserie(text), skipped: 0, errors: [] }
        : await convertFile(format, text, { site });
  } catch (err) {
    // The whole file refused (not the format, an unknown version): nothing is stored.
    if (err instanceof ImportFileError) throw validationFailed([{ field: err.field, message: err.message }]);
    throw err;
  }
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
