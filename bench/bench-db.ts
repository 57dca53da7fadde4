import { Client } from 'pg';

/**
 * A fresh `credit_bench` database on the server DATABASE_URL points at (dropped first), so a benchmark
 * never touches the data of the database it was given. Returns its URL.
 */
export async function freshServerDatabase(url: string): Promise<string> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS credit_bench');
  await admin.query('CREATE DATABASE credit_bench');
  await admin.end();
  const u = new URL(url);
  u.pathname = '/credit_bench';
  return u.toString();
}
