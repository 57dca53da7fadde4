/**
 * Bulk import bodies → rows: `{"records": [...]}` as JSON, or CSV whose header row uses the record's
 * field names. A body that cannot be read at all (not an envelope, malformed CSV, unknown column, too
 * many rows) is a 400 problem naming the field or the line; a bad row is refused on its own later.
 */
import { parse } from 'csv-parse/sync';
import { scrubIdNumbers } from '../../common/pii';
import { ValidationFailed } from '../../common/problem';
import { LIST_ROW_FIELDS, NUMERIC_ROW_FIELDS, RECORD_ROW_FIELDS, type RecordRowField } from './dto/record-row.dto';

export const MAX_IMPORT_ROWS = 5000;
export type ImportFormat = 'json' | 'csv';

export interface IncomingRow {
  /** 1-based position among the data rows. */
  readonly row: number;
  /** CSV: the file line the row starts on (the header is line 1). */
  readonly line?: number;
  readonly data: unknown;
}

function checkCount(n: number): void {
  if (n === 0) throw new ValidationFailed([{ field: 'records', reason: 'must contain at least 1 row' }]);
  if (n > MAX_IMPORT_ROWS)
    throw new ValidationFailed([
      { field: 'records', reason: `must contain at most ${MAX_IMPORT_ROWS} rows, got ${n}` },
    ]);
}

export function parseJsonImport(body: unknown): IncomingRow[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationFailed([{ field: 'body', reason: 'must be a JSON object {"records": [...]}' }]);
  }
  const extra = Object.keys(body).filter((k) => k !== 'records');
  if (extra.length)
    throw new ValidationFailed(
      extra.map((k) => ({ field: scrubIdNumbers(k.slice(0, 100)), reason: 'field should not exist' })),
    );
  const records = (body as { records?: unknown }).records;
  if (!Array.isArray(records))
    throw new ValidationFailed([{ field: 'records', reason: 'must be an array of record objects' }]);
  checkCount(records.length);
  return records.map((data: unknown, i) => ({ row: i + 1, data }));
}

const KNOWN = new Set<string>(RECORD_ROW_FIELDS);

function checkHeader(header: string[]): string[] {
  const errors = header.flatMap((h, i) => {
    if (!KNOWN.has(h))
      return [
        {
          field: scrubIdNumbers(h.slice(0, 100)) || `column ${i + 1}`,
          reason: `unknown column (line 1, column ${i + 1}); columns are the record field names`,
        },
      ];
    return header.indexOf(h) !== i ? [{ field: h, reason: `duplicate column (line 1, column ${i + 1})` }] : [];
  });
  if (errors.length) throw new ValidationFailed(errors);
  return header;
}

/** A CSV cell → the JSON value the row DTO expects; empty cells are absent fields. */
function cell(field: RecordRowField, text: string): unknown {
  if (NUMERIC_ROW_FIELDS.includes(field)) return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  if (LIST_ROW_FIELDS.includes(field))
    return text
      .split(/[;|]/)
      .map((s) => s.trim())
      .filter(Boolean);
  return text;
}

interface CsvError {
  code?: unknown;
  message: string;
  lines?: unknown;
}

export function parseCsvImport(text: string): IncomingRow[] {
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse<(typeof parsed)[number]>(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      columns: checkHeader,
      info: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (err) {
    if (err instanceof ValidationFailed) throw err;
    const e = err as CsvError;
    const message = scrubIdNumbers(String(e.message));
    const line = typeof e.lines === 'number' ? e.lines : undefined;
    const field = line === undefined ? 'body' : `line ${line}`;
    throw new ValidationFailed(
      [{ field, reason: `malformed CSV: ${message}` }],
      `Malformed CSV${line ? ` at line ${line}` : ''}: ${message}`,
    );
  }
  checkCount(parsed.length);
  return parsed.map(({ record, info }, i) => {
    const data: Record<string, unknown> = {};
    let newlines = 0;
    for (const [k, v] of Object.entries(record)) {
      newlines += v.split('\n').length - 1;
      if (v !== '') data[k] = cell(k as RecordRowField, v);
    }
    return { row: i + 1, line: info.lines - newlines, data };
  });
}
