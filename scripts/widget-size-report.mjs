#!/usr/bin/env node
/**
 * Where the bytes of a built widget file come from: each source module's share of the minified file, raw
 * and gzip. Run `CAUSERIE_SOURCEMAP=1 npm run build` first (maps beside dist/*.js), then
 * `npm run size:report -- [causerie-app.en.js …]`.
 *
 * gzip is not additive, so a module's gzip share is its marginal cost: the file's gzip size minus the
 * gzip size of the file with that module's characters removed. The shares sum to more or less than the
 * whole; they rank what to move, they are not an invoice.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);
const gzip = (text) => gzipSync(text, { level: 9 }).length;

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** One segment of a source map's `mappings` (the Base64 VLQ of the source map spec, revision 3). */
const decodeSegment = (segment) => {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = base64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
};

/** For every character of `code`, the index of its source in `map.sources` (-1: generated). */
const ownerOfEachChar = (code, map) => {
  const owners = new Int32Array(code.length).fill(-1);
  const lines = code.split('\n');
  let offset = 0;
  let source = 0;
  map.mappings.split(';').forEach((line, row) => {
    const starts = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const [dc, ds] = decodeSegment(segment);
      column += dc;
      if (ds !== undefined) source += ds;
      starts.push([column, ds === undefined ? -1 : source]);
    }
    const length = lines[row]?.length ?? 0;
    for (let i = 0; i < starts.length; i++) {
      const [from, owner] = starts[i];
      const to = starts[i + 1]?.[0] ?? length;
      owners.fill(owner, offset + from, offset + to);
    }
    offset += length + 1;
  });
  return owners;
};

const report = (file) => {
  const url = new URL(file, dist);
  if (!existsSync(new URL(`${file}.map`, dist))) {
    console.error(`${file}.map is missing: run CAUSERIE_SOURCEMAP=1 npm run build`);
    process.exitCode = 1;
    return;
  }
  const code = readFileSync(url, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '');
  const map = JSON.parse(readFileSync(new URL(`${file}.map`, dist), 'utf8'));
  const owners = ownerOfEachChar(code, map);
  const total = gzip(code);
  const names = map.sources.map((s) => s.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, ''));
  const rows = names.map((name, index) => {
    let raw = 0;
    let without = '';
    for (let i = 0; i < code.length; i++) {
      if (owners[i] === index) raw++;
      else without += code[i];
    }
    return { name, raw, gzip: total - gzip(without) };
  });
  rows.sort((a, b) => b.gzip - a.gzip);
  console.log(`\n${file}: ${code.length} B, ${total} B gzip -9`);
  for (const row of rows.filter((r) => r.raw > 0))
    console.log(`  ${String(row.gzip).padStart(6)} ${String(row.raw).padStart(7)}  ${row.name}`);
  const generated = owners.filter((o) => o === -1).length;
  console.log(`  (${generated} B unmapped: the bundle's own glue)`);
};

const files = process.argv.slice(2);
for (const file of files.length ? files : ['causerie-app.en.js', 'causerie-app.ja.js']) report(file);
