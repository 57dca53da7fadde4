import { UnsupportedMediaType } from '../../common/json-only.guard';
import { decodeCsv, parseCsvImport, parseJsonImport, type ImportFormat, type IncomingRow } from './import-parse';
import { parseXlsxImport, XLSX_MEDIA_TYPE } from './import-xlsx';

/**
 * An import request body → its rows: application/json `{"records": [...]}`, text/csv (UTF-8 or GB18030/GBK) or an
 * .xlsx workbook. A body that cannot be read is a 400 naming the field or line; another media type a 415.
 */
export async function parseImportBody(
  contentType: string | undefined,
  body: unknown,
): Promise<{ rows: IncomingRow[]; format: ImportFormat }> {
  const type = String(contentType ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type === 'application/json') return { rows: parseJsonImport(body), format: 'json' };
  if ((type === 'text/csv' || type === 'text/plain') && Buffer.isBuffer(body))
    return { rows: parseCsvImport(decodeCsv(body, contentType)), format: 'csv' };
  if (type === XLSX_MEDIA_TYPE && Buffer.isBuffer(body)) return { rows: await parseXlsxImport(body), format: 'xlsx' };
  throw new UnsupportedMediaType(['application/json', 'text/csv', XLSX_MEDIA_TYPE], type);
}
