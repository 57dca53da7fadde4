import { Client } from 'pg';

/**
 * A fresh database on the server DATABASE_URL points at (dropped first), so a benchmark never touches
 * the data of the database it was given: `credit_bench`, or the name in BENCH_DB_NAME (two benchmarks
 * run side by side each need their own). Returns its URL.
 */
export async function freshServerDatabase(url: string): Promise<string> {
  const name = process.env.BENCH_DB_NAME ?? 'credit_bench';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error('BENCH_DB_NAME must be a plain lower-case identifier');
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
