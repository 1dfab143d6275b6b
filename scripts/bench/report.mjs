// Turns the measured figures into the cost curve, the pass/fail of DESIGN.md's targets, a table for the
// terminal, and the machine description that goes into bench-results/latest.json.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { formatCost, formatWaline } from './cost-report.mjs';

/** CPU model, cores and memory as /proc tells them (os.cpus() reads /proc/cpuinfo). */
export const machine = () => {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  return {
    cpuModel: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryMiB: Math.round(Number(/MemTotal:\s*(\d+) kB/.exec(meminfo)?.[1] ?? totalmem() / 1024) / 1024),
    node: process.version,
  };
};

const ratio = (value, base) =>
  typeof value === 'number' && typeof base === 'number' && base > 0 ? value / base : null;

/**
 * Each first-page figure at every size as a ratio to the smallest thread.
 * @param {Record<string, any>} threads keyed by size, in ascending order
 */
export const costCurve = (threads) => {
  const sizes = Object.keys(threads);
  const base = threads[sizes[0]];
  const figures = ['p50', 'p99', 'rps', 'cpuMsPerRequest', 'rowsRead', 'rowsReturned'];
  /** @type {Record<string, Record<string, number | null>>} */
  const curve = {};
  for (const figure of figures) {
    curve[figure] = Object.fromEntries(
      sizes.map((size) => [size, ratio(threads[size][figure], base[figure])]),
    );
  }
  return curve;
};

/** DESIGN.md's numbers, each with the value that was measured against it. */
export const targets = ({ threads, curve, widget, budgetBytes }) => {
  const sizes = Object.keys(threads);
  const largest = sizes[sizes.length - 1];
  const cpuRatio = curve.cpuMsPerRequest[largest];
  const rowsOk = sizes.every((s) => threads[s].rowsRead <= threads[s].rowsReturned + 10);
  const cls = widget.cold.cls === null ? null : Math.max(widget.cold.cls, widget.warm.cls);
  return {
    firstPageLargestWithin1_5x: {
      // CPU per request is the steadier figure; p50 is shown beside it in the curve.
      value: cpuRatio,
      pass: cpuRatio !== null && cpuRatio <= 1.5,
      what: `D1 path (KV miss): CPU ms/request of the ${largest}-comment thread's first page ÷ the ${sizes[0]}-comment one's`,
    },
    rowsReadWithinReturnedPlus10: {
      value: Object.fromEntries(
        sizes.map((s) => [s, `${threads[s].rowsRead} read / ${threads[s].rowsReturned} returned`]),
      ),
      pass: rowsOk,
    },
    clsZero: { value: cls, pass: cls === 0 },
    widgetGzipWithinBudget: {
      value: widget.gzipTotal,
      budget: budgetBytes,
      pass: widget.gzipTotal <= budgetBytes,
    },
  };
};

const fmt = (value, digits = 1) =>
  value === null || value === undefined
    ? 'n/a'
    : typeof value === 'number'
      ? value.toFixed(digits)
      : String(value);

const row = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');

/** The table printed at the end of a run. */
export const formatTable = (results) => {
  const lines = [];
  const widths = [34, 8, 8, 8, 10, 8, 8, 10];
  lines.push(
    `Causerie bench — ${results.date} — ${results.machine.cpuModel}, ${results.machine.cores} cores, ${results.machine.memoryMiB} MiB${results.smoke ? ' — SMOKE (tiny sizes)' : ''}`,
  );
  lines.push(
    `Load: autocannon, ${results.config.connections} connections, ${results.config.durationS} s per row, against ${results.target.mode === 'direct' ? `the user worker's own workerd socket (${results.target.url})` : `wrangler dev's proxy (${results.target.url}): user worker socket not found`}`,
  );
  lines.push('');
  lines.push(
    row(['API', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'errors', 'non2xx', 'rows r/ret'], widths),
  );
  for (const r of results.api) {
    lines.push(
      row(
        [
          r.name,
          fmt(r.rps),
          fmt(r.p50, 0),
          fmt(r.p99, 0),
          fmt(r.cpuMsPerRequest, 2),
          r.errors ?? 'n/a',
          r.non2xx ?? 'n/a',
          r.rowsRead === undefined ? '' : `${r.rowsRead}/${r.rowsReturned}`,
        ],
        widths,
      ),
    );
  }
  lines.push('');
  for (const [title, curve] of [
    ['D1, KV miss', results.costCurve],
    ['KV hit', results.costCurveKvHit],
  ]) {
    if (!curve) continue;
    lines.push(`Cost curve, ${title} (first page, ratio to ${Object.keys(results.threads)[0]} comments):`);
    for (const [figure, values] of Object.entries(curve)) {
      if (Object.values(values).every((v) => v === null)) continue;
      lines.push(
        `  ${figure.padEnd(16)} ${Object.entries(values)
          .map(([s, v]) => `${s}: ${fmt(v, 2)}×`)
          .join('   ')}`,
      );
    }
  }
  lines.push('');
  const w = results.widget;
  lines.push('Widget files (bytes raw / gzip / brotli):');
  for (const [file, s] of Object.entries(w.sizes)) {
    lines.push(
      `  ${file.padEnd(28)} ${s.raw} / ${s.gzip} / ${s.brotli}${w.loadedFiles.includes(file) ? '  (loaded by the page)' : ''}`,
    );
  }
  lines.push(
    `  reader payload total gzip: ${w.gzipTotal} (budget ${results.targets.widgetGzipWithinBudget.budget}): embed.js + causerie-view.js + the server HTML's CSS + the watch part${w.readerPayload?.watchPlaceholder ? ' (placeholder)' : ''}; the app on intent ${w.readerPayload?.appOnIntent ?? '?'}`,
  );
  for (const phase of ['cold', 'warm']) {
    const v = w[phase];
    lines.push(
      `  ${phase} (${phase === 'cold' ? 'new browser context, KV emptied' : 'second visit, HTTP cache and KV warm'}): comments visible after ${v.ms} ms (median of ${v.runs.length}; ${v.comments} comments), CLS ${fmt(v.cls, 4)} (${v.layoutShifts} shifts), long tasks ${v.longTasks} (${fmt(v.longTaskMs, 0)} ms), KV: ${v.cache}`,
    );
  }
  lines.push('');
  lines.push('Targets:');
  for (const [name, t] of Object.entries(results.targets)) {
    lines.push(
      `  ${t.pass ? 'PASS' : 'FAIL'}  ${name}: ${typeof t.value === 'object' && t.value !== null ? JSON.stringify(t.value) : fmt(t.value, 3)}`,
    );
  }
  if (results.cost) {
    lines.push('');
    lines.push(...formatCost(results.cost));
  }
  if (results.waline) {
    lines.push('');
    lines.push(...formatWaline(results.waline));
  }
  if (results.notes.length) {
    lines.push('');
    lines.push('Notes:');
    for (const note of results.notes) lines.push(`  - ${note}`);
  }
  return lines.join('\n');
};
