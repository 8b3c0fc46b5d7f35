// The suite's summary (issue 7, "Speed at exercise scale"): reads the `bench: NAME=VALUE` lines the
// benchmark scripts print, and judges the key figures against the targets. A target is met
// only when its figure was measured and is a number that satisfies it: a missing figure is
// "missing", never a pass. Plain JS (no tsx) so `npm run bench` itself starts instantly.

/** `bench: NAME=VALUE` → { name, raw, value } (value: the leading number, or null). */
export function parseBenchLine(line) {
  const match = /^bench: ([A-Za-z0-9_]+)=(.*)$/.exec(line.trim());
  if (match === null) return null;
  const raw = match[2].trim();
  const number = /^-?\d+(\.\d+)?([eE][-+]?\d+)?(?=\s|$)/.exec(raw);
  return { name: match[1], raw, value: number === null ? null : Number(number[0]) };
}

/**
 * The key figures. `op`/`target` are the targets; a row without them is reported, not judged
 * (the issue names the figure but sets no number). Names from bench-console/bench-report are the
 * ones those scripts were asked to print.
 */
export const KEY_FIGURES = [
  { label: 'journal append p50 ÷ bare write+fdatasync (10k)', name: 'journal_over_bare_p50_10k', op: '<=', target: 1.3, unit: '×' },
  { label: 'journal append p50 ÷ bare write+fdatasync (100k)', name: 'journal_over_bare_p50_100k', op: '<=', target: 1.3, unit: '×', optional: true },
  { label: 'lowdb rewrite p50 ÷ journal append p50 (10k)', name: 'lowdb_over_journal_p50_10k', op: '>=', target: 50, unit: '×' },
  { label: 'open an exercise, 100k events', name: 'open_100000_ms', op: '<', target: 1000, unit: 'ms' },
  { label: 'open 100k ÷ read+parse of the same file', name: 'open_100000_ratio_to_limit', op: '<=', target: 3, unit: '×' },
  { label: 'scoring + report model, 10k events', name: 'report_scoring_plus_model_10k_ms', op: '<', target: 300, unit: 'ms' },
  { label: 'AAR PDF ÷ static-page print', name: 'report_pdf_ratio_to_static', op: '<=', target: 2, unit: '×' },
  { label: 'console time to interactive, 10k events', name: 'console_tti_10k_ms', op: '<', target: 1500, unit: 'ms' },
  { label: 'release → visible in the log, p50, 10k events', name: 'console_release_visible_p50_10k_ms', op: '<', target: 100, unit: 'ms' },
  { label: 'console JS heap, 10k events', name: 'console_heap_10k_mb', op: '<', target: 150, unit: 'MB' },
  { label: 'start-up: npm start (build included) → first page', name: 'startup_npm_start_ms', unit: 'ms' },
  { label: 'start-up: sitroom serve (20 exercises) → first page', name: 'startup_serve_20_ms', unit: 'ms' },
  { label: 'start-up: serve → library usable in Chromium (20 ex.)', name: 'startup_usable_20_ms', unit: 'ms' },
  { label: 'start-up: serve ÷ bare node server', name: 'startup_serve_20_ratio_to_limit', unit: '×' },
  { label: 'room: acknowledgement p50 (60 seats)', name: 'room_ack_p50_ms', unit: 'ms' },
  { label: 'room: acknowledgement p99 (60 seats)', name: 'room_ack_p99_ms', unit: 'ms' },
  { label: 'room: events lost + duplicated', names: ['room_lost_events', 'room_duplicated_events'], op: '=', target: 0, unit: '' },
  { label: 'renderer JS + CSS, gzip -9', name: 'size_renderer_js_css_gzip_bytes', unit: 'bytes' },
  { label: 'packed app.asar', name: 'size_app_asar_bytes', unit: 'bytes' },
];

const OPS = {
  '<': (v, t) => v < t,
  '<=': (v, t) => v <= t,
  '>=': (v, t) => v >= t,
  '=': (v, t) => v === t,
};

/** As the script printed it when there is one figure (1.30 stays 1.30), else the computed value. */
function formatValue(value, unit, text = String(value)) {
  if (unit === 'bytes') return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(2)} MiB` : `${(value / 1024).toFixed(1)} KiB`;
  if (unit === '×') return `${text}×`;
  return unit === '' ? text : `${text} ${unit}`;
}

/**
 * Judges every key figure. `figures`: Map name → { raw, value, script }; `failedScripts`: scripts
 * that did not exit 0 (their figures are still shown, flagged). Rows with `optional` are left out
 * when their figure was not measured (a mode that does not run that size).
 */
export function judge(figures, failedScripts = new Set()) {
  const rows = [];
  for (const key of KEY_FIGURES) {
    const names = key.names ?? [key.name];
    const found = names.map((name) => figures.get(name));
    if (key.optional && found.some((f) => f === undefined)) continue;
    const target = key.op === undefined ? 'none set' : `${key.op} ${formatValue(key.target, key.unit)}`;
    const row = { label: key.label, names, target, value: null, shown: '—', status: 'missing', note: '' };
    const absent = names.filter((_, i) => found[i] === undefined);
    const notNumbers = found.filter((f) => f !== undefined && (f.value === null || !Number.isFinite(f.value)));
    if (absent.length > 0) row.note = `not printed: ${absent.join(', ')}`;
    else if (notNumbers.length > 0) row.note = `not a number: ${notNumbers.map((f) => f.raw).join(', ')}`;
    else {
      row.value = found.reduce((sum, f) => sum + f.value, 0);
      row.shown = formatValue(row.value, key.unit, found.length === 1 ? found[0].raw.split(/\s/)[0] : String(row.value));
      row.status = key.op === undefined ? 'reported' : OPS[key.op](row.value, key.target) ? 'met' : 'NOT met';
      const failed = [...new Set(found.map((f) => f.script))].filter((s) => failedScripts.has(s));
      if (failed.length > 0) row.note = `from a run that failed (${failed.join(', ')})`;
    }
    rows.push(row);
  }
  return rows;
}

export function formatSummary(rows) {
  const header = ['figure', 'value', 'target', 'status'];
  const cells = rows.map((r) => [r.label, r.shown, r.target, r.status + (r.note ? ` — ${r.note}` : '')]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.slice().map((c) => (i === 3 ? 0 : c[i].length))));
  const line = (c) => c.map((v, i) => (i === 3 ? v : i === 1 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ');
  return [line(header), widths.map((w, i) => (i === 3 ? '-'.repeat(Math.max(w, 8)) : '-'.repeat(w))).join('-|-'), ...cells.map(line)].join('\n');
}
