import type { Queryable } from '../../common/queryable';
import type { Receipt, RejectionRow } from './ingest-quality';

/*
 * SQL that writes what an import leaves for the data-quality statistics (record_rejections,
 * record_receipts; migration 1764300001000): tables of the records module, written only by its import,
 * in the import's transaction. The statistics read them through RecordIntakeQueries.
 */

export async function saveRejections(m: Queryable, rows: readonly RejectionRow[], at: Date): Promise<void> {
  if (!rows.length) return;
  await m.query(
    `INSERT INTO record_rejections (source, decision_number, record_type, decision_date, subject_code, subject_masked, code_check_failed, row_number, line, errors, rejected_at)
     SELECT source, decision_number, record_type, decision_date, subject_code, subject_masked, code_check_failed, row_number, line, errors, $2::timestamptz
     FROM jsonb_to_recordset($1::jsonb) AS x(source text, decision_number text, record_type text, decision_date date, subject_code text,
       subject_masked text, code_check_failed boolean, row_number int, line int, errors jsonb)`,
    [JSON.stringify(rows), at.toISOString()],
  );
}

/** First receipt is kept; the reported name follows the latest import of the record. */
export async function saveReceipts(m: Queryable, rows: readonly Receipt[], at: Date): Promise<void> {
  if (!rows.length) return;
  await m.query(
    `INSERT INTO record_receipts AS r (record_id, received_at, subject_code, reported_name)
     SELECT record_id, $2::timestamptz, subject_code, reported_name FROM jsonb_to_recordset($1::jsonb) AS x(record_id uuid, subject_code text, reported_name text)
     ON CONFLICT (record_id) DO UPDATE SET subject_code = EXCLUDED.subject_code, reported_name = EXCLUDED.reported_name, updated_at = now()
     WHERE (r.subject_code, r.reported_name) IS DISTINCT FROM (EXCLUDED.subject_code, EXCLUDED.reported_name)`,
    [JSON.stringify([...new Map(rows.map((r) => [r.record_id, r])).values()]), at.toISOString()],
  );
}
