/**
 * An Excel workbook (.xlsx) → import rows: the first worksheet, its first row the header (field names or the
 * 双公示 Chinese column titles), as a CSV of the same table would be read. Cells are read as text: a date cell
 * becomes YYYY-MM-DD, a number its decimal form, rich text and formulas their text and result.
 */
import ExcelJS from 'exceljs';
import { ValidationFailed } from '../../common/problem';
import { MAX_IMPORT_JOB_ROWS, tableRows, type IncomingRow } from './import-parse';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Largest uncompressed size of the workbook's parts together, read from the zip's central directory before
 * anything is inflated: a small upload must not unpack into gigabytes (a zip bomb).
 */
const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;

/** Sum of the uncompressed sizes the zip declares (End Of Central Directory → central directory entries). */
function declaredSize(zip: Buffer): number | undefined {
  const min = Math.max(0, zip.length - 65_557);
  let eocd = -1;
  for (let i = zip.length - 22; i >= min; i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return undefined;
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return undefined;
    total += zip.readUInt32LE(at + 24);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return text(value.result);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

export async function parseXlsxImport(body: Buffer): Promise<IncomingRow[]> {
  const size = declaredSize(body);
  if (size === undefined)
    throw new ValidationFailed([{ field: 'body', reason: 'not an .xlsx workbook (no zip directory found)' }]);
  if (size > MAX_UNCOMPRESSED_BYTES)
    throw new ValidationFailed([
      { field: 'body', reason: `workbook unpacks to ${size} bytes, more than ${MAX_UNCOMPRESSED_BYTES}` },
    ]);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new ValidationFailed([{ field: 'body', reason: 'not a readable .xlsx workbook' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0)
    throw new ValidationFailed([{ field: 'body', reason: 'the first worksheet is empty (no header row)' }]);
  if (sheet.actualRowCount - 1 > MAX_IMPORT_JOB_ROWS)
    throw new ValidationFailed([
      { field: 'records', reason: `must contain at most ${MAX_IMPORT_JOB_ROWS} rows, got ${sheet.actualRowCount - 1}` },
    ]);
  const width = sheet.getRow(1).cellCount;
  const cellsOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, c) => text(row.getCell(c + 1).value));
  const header = cellsOf(sheet.getRow(1));
  const rows: Array<{ line: number; values: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const values = cellsOf(row);
    if (values.some((v) => v !== '')) rows.push({ line, values });
  });
  return tableRows(header, rows);
}
