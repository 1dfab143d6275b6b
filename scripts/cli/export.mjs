// `causerie export --from <url> [--out file]`: streams GET /admin/export to a file (or stdout).
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { adminFetch, adminUrl } from './http.mjs';
import { createProgress } from './progress.mjs';

export const runExport = async ({ from, token, out }) => {
  const res = await adminFetch(adminUrl(from, '/export'), token);
  const progress = createProgress(0);
  let bytes = 0;
  const body = Readable.fromWeb(res.body);
  body.on('data', (chunk) => {
    bytes += chunk.length;
    progress.update(bytes, 'exporting');
  });
  await pipeline(body, out ? createWriteStream(out) : process.stdout);
  if (out) console.error(`Exported ${(bytes / 1024).toFixed(1)} KiB to ${out}`);
  return { bytes };
};
