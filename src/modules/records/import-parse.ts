/**
 * Bulk import bodies → rows: `{"records": [...]}` as JSON, or CSV (UTF-8 or GB18030/GBK) or a worksheet
 * (import-xlsx.ts) whose header row uses the record's field names or the 双公示 Chinese column titles. A body that cannot be read at all (not an envelope, malformed CSV, unknown column, too
 * many rows) is a 400 problem naming the field or the line; a bad row is refused on its own later.
 */
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse/sync';
import { scrubIdNumbers } from '../../common/pii';
import { commitmentTypeCell } from '../../rules/facts';
import { ValidationFailed } from '../../common/problem';
import { LIST_ROW_FIELDS, NUMERIC_ROW_FIELDS, RECORD_ROW_FIELDS, type RecordRowField } from './dto/record-row.dto';
import { dateCell, headerField, impliedType, penaltyTypesOf } from './import-headers';
import { adminInfoCell } from './import-admin-info';

/** Rows one request imports at once (answered 200 with the report); more are imported as a background job (202). */
export const MAX_IMPORT_ROWS = 5000;
/** Rows one import request may carry at all: beyond MAX_IMPORT_ROWS it becomes a background job (import-job.ts). */
export const MAX_IMPORT_JOB_ROWS = 200_000;
export type ImportFormat = 'json' | 'csv' | 'xlsx';

export interface IncomingRow {
  /** 1-based position among the data rows. */
  readonly row: number;
  /** CSV: the file line the row starts on (the header is line 1). */
  readonly line?: number;
  readonly data: unknown;
}

function checkCount(n: number): void {
  if (n === 0) throw new ValidationFailed([{ field: 'records', reason: 'must contain at least 1 row' }]);
  if (n > MAX_IMPORT_JOB_ROWS)
    throw new ValidationFailed([
      { field: 'records', reason: `must contain at most ${MAX_IMPORT_JOB_ROWS} rows, got ${n}` },
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
/** Date fields: 2025/3/10 and 2025年3月10日 are read as 2025-03-10 (Chinese office exports). */
const DATE_ROW_FIELDS = new Set<string>([
  'subjectRegisteredOn',
  'decisionDate',
  'listEndDate',
  'validFrom',
  'validUntil',
  'penaltyEndDate',
  'commitmentStatusDate',
  'revokedAt',
  'repairedAt',
  'endedAt',
]);
/** Column key of a recognised column of the standard that is not kept. */
const IGNORED_PREFIX = '\u0000ignored:';

/**
 * Header row → the field each column fills: the record's field names, or the Chinese column titles of the
 * 双公示 standard (import-headers.ts). An unknown column, or two columns filling one field, is a 400.
 */
function checkHeader(header: string[]): string[] {
  const fields = header.map((h, i) => {
    const f = headerField(h, KNOWN);
    return f === 'ignored' ? `${IGNORED_PREFIX}${i}` : f;
  });
  const errors = header.flatMap((h, i) => {
    const f = fields[i];
    if (f === undefined)
      return [
        {
          field: scrubIdNumbers(h.slice(0, 100)) || `column ${i + 1}`,
          reason: `unknown column (line 1, column ${i + 1}); columns are the record field names or the 双公示 column titles (行政相对人名称, 统一社会信用代码, 行政处罚决定书文号 …)`,
        },
      ];
    return fields.indexOf(f) !== i
      ? [
          {
            field: scrubIdNumbers(h.slice(0, 100)),
            reason: `duplicate column (line 1, column ${i + 1}): ${f} is given twice`,
          },
        ]
      : [];
  });
  if (errors.length) throw new ValidationFailed(errors);
  return fields as string[];
}

/** A text cell → the JSON value the row DTO expects; empty cells are absent fields. */
function cell(field: RecordRowField, text: string): unknown {
  if (NUMERIC_ROW_FIELDS.includes(field)) return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  if (LIST_ROW_FIELDS.includes(field)) return penaltyTypesOf(text);
  if (DATE_ROW_FIELDS.has(field)) return dateCell(text);
  if (field === 'enforcementMeasure' || field === 'awardLevel') return adminInfoCell(field, text);
  if (field === 'commitmentType') return commitmentTypeCell(text);
  return text;
}

/**
 * Rows of a table (CSV or a worksheet) under its header row → import rows. A Chinese penalty or licence export
 * without a `type` column gets the type its decision-number column implies. Empty cells are absent fields.
 */
export function tableRows(
  header: readonly string[],
  rows: ReadonlyArray<{ line: number; values: readonly string[] }>,
): IncomingRow[] {
  const fields = checkHeader([...header]);
  checkCount(rows.length);
  const type = fields.includes('type') ? undefined : impliedType(header);
  return rows.map(({ line, values }, i) => {
    const data: Record<string, unknown> = type ? { type } : {};
    fields.forEach((k, c) => {
      const v = values[c] ?? '';
      if (!k.startsWith(IGNORED_PREFIX) && v !== '') data[k] = cell(k as RecordRowField, v);
    });
    return { row: i + 1, line, data };
  });
}

interface CsvError {
  code?: unknown;
  message: string;
  lines?: unknown;
}

export function parseCsvImport(text: string): IncomingRow[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's types do not model `info: true`, which makes each record { record, info }.
    parsed = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof parsed;
  } catch (err) {
    const e = err as CsvError;
    const message = scrubIdNumbers(String(e.message));
    const line = typeof e.lines === 'number' ? e.lines : undefined;
    const field = line === undefined ? 'body' : `line ${line}`;
    throw new ValidationFailed(
      [{ field, reason: `malformed CSV: ${message}` }],
      `Malformed CSV${line ? ` at line ${line}` : ''}: ${message}`,
    );
  }
  if (parsed.length === 0) throw new ValidationFailed([{ field: 'body', reason: 'no header row' }]);
  const [head, ...rows] = parsed;
  return tableRows(
    head.record,
    rows.map(({ record, info }) => ({
      // The line the row starts on: a quoted cell may span lines.
      line: info.lines - record.reduce((n, v) => n + v.split('\n').length - 1, 0),
      values: record,
    })),
  );
}

/**
 * A CSV body's bytes → text: the charset the Content-Type names, else UTF-8 (with or without BOM) when the bytes
 * are valid UTF-8, else GB18030 (a superset of GBK and GB2312: what Chinese office suites write by default).
 */
export function decodeCsv(body: Buffer, contentType: string | undefined): string {
  const charset = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(charset, { fatal: true });
    } catch {
      throw new ValidationFailed([{ field: 'content-type', reason: `unsupported charset "${charset.slice(0, 40)}"` }]);
    }
    try {
      return decoder.decode(body);
    } catch {
      throw new ValidationFailed([{ field: 'body', reason: `not valid ${charset} text` }]);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      throw new ValidationFailed([
        { field: 'body', reason: 'not UTF-8 or GB18030/GBK text: give the charset in Content-Type' },
      ]);
    }
  }
}
