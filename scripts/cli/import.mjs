// `causerie import <format> <file> --to <url> [--site <origin>]`: reads the file as a stream
// (fs.createReadStream, through gunzip when it starts with 1f 8b → the worker's own parsers, chunk by chunk;
// an Isso SQLite database row by row through node:sqlite), puts comments in a safe order (parents first,
// placeholders only where a live reply needs one), and uploads them as Causerie-format batches through
// POST /admin/import?format=causerie. Comment ids derive from the source ids, so a reply in a later batch
// names its parent directly and re-running the command creates nothing new.
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { adminFetch, adminUrl } from './http.mjs';
import { createProgress } from './progress.mjs';

/** @import { ImportResult } from '../../worker/types/api.ts' */

const { createAssembler } = await import('../../worker/lib/transfer/assembler.ts');
const { createParser, groupByThread } = await import('../../worker/lib/transfer/convert.ts');
const { EXPORT_FORMAT, EXPORT_VERSION } = await import('../../worker/lib/transfer/causerie-format.ts');

/** The file's first bytes: gzip (1f 8b) is undone on the way in, an SQLite database read as one. */
const sniff = (file) => {
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    const read = readSync(fd, head, 0, 16, 0);
    return {
      gzip: read >= 2 && head[0] === 0x1f && head[1] === 0x8b,
      sqlite: head.toString('latin1', 0, read),
    };
  } finally {
    closeSync(fd);
  }
};

/** Causerie files are JSON, read whole: split into batches of threads holding at most `size` comments. */
function* causerieBatches(file, size) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  if (data.format !== EXPORT_FORMAT) throw new Error(`${file} is not a Causerie export`);
  let batch = [];
  let count = 0;
  for (const thread of data.threads ?? []) {
    const comments = thread.comments ?? [];
    for (let i = 0; i === 0 || i < comments.length; i += size) {
      const part = comments.slice(i, i + size);
      if (count + part.length > size && batch.length) {
        yield batch;
        batch = [];
        count = 0;
      }
      batch.push({ ...thread, comments: part });
      count += part.length;
    }
  }
  if (batch.length) yield batch;
}

export const runImport = async ({ format, file, to, token, batchSize, site = null, log = console.error }) => {
  const started = Date.now();
  const total = statSync(file).size;
  const progress = createProgress(total);
  const summary = { threads: 0, comments: 0, duplicates: 0, skipped: 0, errors: [], batches: 0 };
  let sent = 0;
  let bytes = 0;

  const upload = async (threads) => {
    const body = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, threads });
    const res = await adminFetch(adminUrl(to, '/import?format=causerie'), token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    /** @type {ImportResult} */
    const result = await res.json();
    summary.threads += result.threads;
    summary.comments += result.comments;
    summary.duplicates += result.duplicates ?? 0;
    summary.skipped += result.skipped;
    summary.errors.push(...result.errors);
    summary.batches += 1;
    sent += threads.reduce((n, t) => n + t.comments.length, 0);
    progress.update(bytes, `${sent} comments sent`);
  };

  if (format === 'causerie') {
    bytes = total;
    for (const batch of causerieBatches(file, batchSize)) await upload(batch);
  } else {
    const ready = [];
    const assembler = createAssembler(
      (comment) => ready.push(comment),
      (error) => summary.errors.push(error),
    );
    // Upload as soon as a batch is full: the file never sits in memory, only the current batch.
    const flush = async (min) => {
      while (ready.length >= min && ready.length)
        await upload(await groupByThread(ready.splice(0, batchSize)));
    };
    const head = sniff(file);
    if (format === 'isso' && head.sqlite.startsWith('SQLite format 3')) {
      const { issoDatabaseComments } = await import('./isso-sqlite.mjs');
      for (const comment of issoDatabaseComments(file, { site }, (error) => summary.errors.push(error))) {
        assembler.comment(comment);
        await flush(batchSize);
      }
      bytes = total;
    } else {
      const parser = createParser(format, assembler, { site });
      const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
      const stream = head.gzip ? raw.pipe(createGunzip()) : raw;
      stream.setEncoding('utf8');
      for await (const chunk of stream) {
        parser.write(chunk);
        bytes = raw.bytesRead;
        progress.update(bytes, `${sent} comments sent`);
        await flush(batchSize);
      }
      parser.close();
    }
    assembler.finish();
    summary.skipped += assembler.skipped;
    await flush(1);
  }
  progress.end(total, `${sent} comments sent`);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(
    `Imported ${summary.comments} comments into ${summary.threads} new threads in ${seconds} s ` +
      `(${summary.batches} batches; ${summary.duplicates} already there, ${summary.skipped} skipped, ` +
      `${summary.errors.length} errors).`,
  );
  for (const error of summary.errors) log(`  ${error.position}: ${error.message}`);
  return summary;
};
