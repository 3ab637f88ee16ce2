import type { CliIo } from '../cli-io';

type Row = Readonly<Record<string, unknown>>;

const cell = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** Columns aligned on the widest cell; the union of the rows' keys, in first-seen order. */
export function formatTable(rows: readonly Row[]): string {
  if (rows.length === 0) return '(none)\n';
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = [columns, ...rows.map((r) => columns.map((c) => cell(r[c])))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i].length)));
  return cells.map((line) => line.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n') + '\n';
}

/** `key  value` lines for a flat object. */
export const formatPairs = (obj: Row): string => formatTable(Object.entries(obj).map(([key, value]) => ({ key, value: cell(value) })));

/**
 * A report without --json: each array member as a table, the other members as pairs.
 * Objects nested one level (e.g. `totals`) print as pairs under their name.
 */
export function formatReport(report: Row): string {
  const parts: string[] = [];
  const scalars: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report)) {
    if (Array.isArray(value)) parts.push(`${key}:\n${formatTable(value as Row[])}`);
    else if (value !== null && typeof value === 'object') parts.push(`${key}:\n${formatPairs(value as Row)}`);
    else scalars[key] = value;
  }
  if (Object.keys(scalars).length > 0) parts.unshift(formatPairs(scalars));
  return parts.join('\n');
}

/** With --json one JSON document (bigints as decimal strings), otherwise the readable form. */
export function print(io: CliIo, json: boolean, value: object, readable: (value: Row) => string): void {
  io.stdout.write(json ? `${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n` : readable(value as Row));
}
