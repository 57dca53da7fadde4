/**
 * bench:audit, part 3: bytes on disk per row (pg_total_relation_size: heap + TOAST + indexes, divided by
 * the rows) of the tables that grow with subjects and with checks, and what that makes for a province
 * (10M subjects, 2,000 checks/s) and a national platform (180M subjects, 20,000 checks/s).
 */
import type { DataSource } from 'typeorm';

const SUBJECT_TABLES = ['subjects', 'credit_records', 'credit_tiers', 'credit_tier_history', 'subject_industries'];

interface TableSize {
  table: string;
  rows: number;
  'heap MB': number;
  'TOAST MB': number;
  'index MB': number;
  'bytes/row': number;
}

async function sizeOf(ds: DataSource, table: string): Promise<TableSize> {
  // Names come from the constant list above and 'audit_log', never from input.
  const [r] = await ds.query<Array<Record<string, string>>>(
    `SELECT (SELECT count(*) FROM ${table}) AS rows,
       pg_relation_size('${table}') AS heap,
       coalesce((SELECT pg_total_relation_size(reltoastrelid) FROM pg_class WHERE oid = '${table}'::regclass AND reltoastrelid <> 0), 0) AS toast,
       pg_indexes_size('${table}') AS idx,
       pg_total_relation_size('${table}') AS total`,
  );
  const rows = Number(r.rows);
  const mb = (b: string) => +(Number(b) / 2 ** 20).toFixed(1);
  return {
    table,
    rows,
    'heap MB': mb(r.heap),
    'TOAST MB': mb(r.toast),
    'index MB': mb(r.idx),
    'bytes/row': rows ? Math.round(Number(r.total) / rows) : 0,
  };
}

const human = (bytes: number): string => {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0)} ${units[u]}`;
};

/** A year of checks: around the clock (the upper bound), and a working year (250 days × 8 busy hours). */
const YEAR_S = 365 * 86_400;
const WORKING_YEAR_S = 250 * 8 * 3_600;

/** Prints the per-table sizes and the sizing for a province and a national platform. */
export async function printSizes(ds: DataSource): Promise<{ perSubject: number; perEntry: number }> {
  await ds.query(`VACUUM ANALYZE`); // settles the visibility map / free space map so sizes are steady
  const tables: TableSize[] = [];
  for (const t of [...SUBJECT_TABLES, 'audit_log']) tables.push(await sizeOf(ds, t));
  console.log('\nOn disk (pg_total_relation_size / rows: heap + TOAST + indexes)');
  console.table(tables);
  const subjects = tables[0].rows;
  const subjectBytes = await ds.query<Array<{ b: string }>>(
    `SELECT ${SUBJECT_TABLES.map((t) => `pg_total_relation_size('${t}')`).join(' + ')} AS b`,
  );
  const perSubject = Number(subjectBytes[0].b) / subjects;
  const perEntry = tables[tables.length - 1]['bytes/row'];
  console.log(
    `per subject, everything it brings (its records, tiers, history, industries): ${Math.round(perSubject)} bytes; per audit entry (a check): ${perEntry} bytes`,
  );
  console.table(
    [
      { platform: 'province', subjects: 10_000_000, checksPerS: 2_000 },
      { platform: 'national', subjects: 180_000_000, checksPerS: 20_000 },
    ].map((p) => ({
      platform: p.platform,
      subjects: p.subjects.toLocaleString('en'),
      'credit data': human(perSubject * p.subjects),
      'checks/s': p.checksPerS.toLocaleString('en'),
      'audit per day at that rate': human(perEntry * p.checksPerS * 86_400),
      'audit per working year (250 d × 8 h)': human(perEntry * p.checksPerS * WORKING_YEAR_S),
      'audit per year, around the clock': human(perEntry * p.checksPerS * YEAR_S),
    })),
  );
  return { perSubject, perEntry };
}
