import { Readable } from 'node:stream';
import type { AuditEntryView } from './audit.types';
import { canonicalJson } from '../../common/canonical-json';

export type ExportFormat = 'jsonl' | 'csv';

const CSV_COLUMNS = [
  'seq',
  'id',
  'kind',
  'createdAt',
  'caller',
  'operator',
  'scenario',
  'subjectIds',
  'idempotencyKey',
  'requestHash',
  'packVersions',
  'request',
  'response',
  'algorithm',
  'prevHash',
  'hash',
] as const satisfies ReadonlyArray<keyof AuditEntryView>;

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) is prefixed with an apostrophe.
 */
export function csvCell(value: unknown): string {
  let s =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : typeof value === 'object'
          ? canonicalJson(value as never)
          : `${value as number | boolean}`;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(e: AuditEntryView): string {
  return (
    CSV_COLUMNS.map((c) => (c === 'subjectIds' ? csvCell(e.subjectIds.join(';')) : csvCell(e[c]))).join(',') + '\r\n'
  );
}

/**
 * JSON Lines keep every hashed field exactly (an external verifier can recompute the chain); CSV is for
 * reading (UTF-8 with BOM for spreadsheets; JSON cells in canonical form).
 */
export function exportStream(entries: AsyncIterable<AuditEntryView>, format: ExportFormat): Readable {
  async function* lines(): AsyncGenerator<string> {
    if (format === 'csv') yield '\uFEFF' + CSV_COLUMNS.join(',') + '\r\n';
    for await (const e of entries) yield format === 'csv' ? csvLine(e) : JSON.stringify(e) + '\n';
  }
  return Readable.from(lines());
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};
