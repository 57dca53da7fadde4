/**
 * bench:import — N rows (default 100,000) of 双公示 penalty and licence CSV imported end to end, as a caller does
 * it: POST /api/v1/records/import over HTTP, one request per file of 5,000 rows (the API's limit), one after the
 * other, each answered with its per-row report. Before the measured run (not timed): `--existing` organisations
 * (default 20,000) registered straight into subjects, and the earlier versions of 1 row in 20 imported once.
 * The run then meets new and known subjects, bad rows (refused), rows already stored (unchanged) and corrected
 * ones (updated); every row's status is compared with what the generator expects.
 *
 * Timed: the imports until the last report is answered, then until the tier recomputes that the imports caused
 * (RecordsService.changes$ → TieringService, queued) have finished: the end-to-end figure includes them.
 * Beside it, the floor: a plain COPY of the same CSV files into a scratch table of text columns (median of 3);
 * on the embedded database, which takes no COPY FROM STDIN through its socket, one multi-row INSERT per file.
 *
 *   npm run bench:import                              # embedded PostgreSQL (PGlite) in a temporary folder
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres BENCH_DB_NAME=credit_bench_import npm run bench:import
 *   options: --n N (100000) --existing E (20000)
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { freshServerDatabase } from './bench-db';
import { csvOf, generate, type BenchFile, type Expected } from './import-data';
import { createApp, resolveDatabase } from '../src/bootstrap';
import { loadConfig } from '../src/config/app.config';
import { Clock } from '../src/common/clock';
import { commandLine } from '../src/common/cli-command';
import { usccRegion, usccSubjectKind } from '../src/common/identifiers/uscc';
import { ApiKeysService } from '../src/modules/auth/api-keys.service';
import { TieringService } from '../src/modules/tiering/tiering.service';

const CLI = {
  name: 'bench:import',
  options: {
    n: { type: 'integer', min: 1, default: 100_000, help: 'rows imported' },
    existing: { type: 'integer', min: 0, default: 20_000, help: 'organisations registered before' },
    marks: { type: 'boolean', help: 'print the measured window (ms since start) on stderr' },
  },
} as const;

interface Report {
  totals: Record<Expected | 'rows', number>;
  rows: { row: number; status: Expected }[];
}

async function post(url: string, key: string, file: BenchFile): Promise<Report> {
  const res = await fetch(`${url}/api/v1/records/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv; charset=utf-8' },
    body: csvOf(file),
  });
  if (res.status !== 200) throw new Error(`import answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  return (await res.json()) as Report;
}

async function seedSubjects(ds: DataSource, codes: readonly string[]): Promise<void> {
  for (let i = 0; i < codes.length; i += 10_000) {
    const part = codes.slice(i, i + 10_000);
    await ds.query(
      `INSERT INTO subjects (kind, code, name, region)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [
        part.map((c) => usccSubjectKind(c)),
        part,
        part.map((c) => `重庆市綦江区${c.slice(10, 14)}建材有限公司`),
        part.map((c) => usccRegion(c)),
      ],
    );
  }
}

/**
 * The floor: every file (header skipped) into a scratch table of text columns, median of 3. On a server a plain
 * COPY … FROM STDIN of the CSV text. The embedded database (PGlite) takes no COPY FROM STDIN through its socket:
 * there the floor is one multi-row INSERT … SELECT FROM unnest per file, on the application's own connection.
 */
async function floorSeconds(
  embedded: boolean,
  databaseUrl: string,
  ds: DataSource,
  files: readonly BenchFile[],
): Promise<number> {
  const client = embedded ? null : new Client({ connectionString: databaseUrl });
  await client?.connect();
  const query = async (sql: string, params: unknown[] = []): Promise<unknown[]> =>
    client ? (await client.query<Record<string, unknown>>(sql, params)).rows : await ds.query<unknown[]>(sql, params);
  try {
    const width = Math.max(...files.map((f) => f.header.length));
    const cols = Array.from({ length: width }, (_, i) => `c${i} text`).join(', ');
    await query(`DROP TABLE IF EXISTS bench_copy_floor`);
    await query(`CREATE UNLOGGED TABLE bench_copy_floor (${cols})`);
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      await query('TRUNCATE bench_copy_floor');
      const t0 = performance.now();
      for (const f of files) {
        const names = f.header.map((_, i) => `c${i}`).join(', ');
        if (client) {
          const sql = `COPY bench_copy_floor (${names}) FROM STDIN WITH (FORMAT csv, HEADER true)`;
          await pipeline(Readable.from([csvOf(f)]), client.query(copyFrom(sql)));
        } else {
          const arrays = f.header.map((_, c) => f.rows.map((r) => r[c]));
          const unnest = arrays.map((_, c) => `$${c + 1}::text[]`).join(', ');
          await query(`INSERT INTO bench_copy_floor (${names}) SELECT * FROM unnest(${unnest})`, arrays);
        }
      }
      times.push((performance.now() - t0) / 1000);
    }
    const [{ n }] = (await query('SELECT count(*)::int AS n FROM bench_copy_floor')) as { n: number }[];
    if (n !== files.reduce((s, f) => s + f.rows.length, 0)) throw new Error(`the floor stored ${n} rows`);
    await query('DROP TABLE bench_copy_floor');
    return times.sort((a, b) => a - b)[1];
  } finally {
    await client?.end();
  }
}

async function main(): Promise<void> {
  const { n, existing, marks } = commandLine(CLI).options;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    BODY_LIMIT: String(16 * 1024 * 1024),
  };
  if (process.env.DATABASE_URL) env.DATABASE_URL = await freshServerDatabase(process.env.DATABASE_URL);
  const { runtime, embedded } = await resolveDatabase(loadConfig(env));
  const app = await createApp(runtime);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = await app.getUrl();
    const key = (await app.get(ApiKeysService).create({ name: 'bench-import', scopes: ['records'] })).key;
    const tiering = app.get(TieringService);
    const data = generate(n, existing, app.get(Clock).today());
    console.log(
      `database: ${runtime.embedded ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL server'}; N = ${n} rows in ${data.files.length} files; ${existing} subjects registered before`,
    );
    let t0 = performance.now();
    await seedSubjects(app.get(DataSource), data.existingCodes);
    for (const f of data.earlier) await post(url, key, f);
    await tiering.idle();
    const before = data.earlier.reduce((s, f) => s + f.rows.length, 0);
    console.log(`before the run: ${before} rows imported once (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

    const totals = { rows: 0, stored: 0, unchanged: 0, updated: 0, refused: 0 };
    let mismatches = 0;
    t0 = performance.now();
    for (const f of data.files) {
      const report = await post(url, key, f);
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += report.totals[k];
      if (report.rows.length !== f.rows.length) throw new Error('a report line per row is missing');
      report.rows.forEach((r, i) => {
        if (r.row !== i + 1 || r.status !== f.expected[i]) mismatches++;
      });
    }
    const answered = (performance.now() - t0) / 1000;
    // With --marks: the measured window in ms since the process started (to cut a --cpu-prof profile to it).
    if (marks) console.error(`marks: ${Math.round(t0)} ${Math.round(performance.now())}`);
    await tiering.idle();
    const endToEnd = (performance.now() - t0) / 1000;
    const rss = process.resourceUsage().maxRSS * 1024;

    const ds = app.get(DataSource);
    const [{ records, rejections }] = await ds.query<{ records: number; rejections: number }[]>(
      `SELECT (SELECT count(*)::int FROM credit_records) AS records, (SELECT count(*)::int FROM record_rejections) AS rejections`,
    );
    const floor = await floorSeconds(runtime.embedded, runtime.databaseUrl, ds, data.files);

    console.log(
      `\nper-row report: ${totals.rows} rows = ${totals.stored} stored, ${totals.unchanged} unchanged (duplicates), ${totals.updated} updated, ${totals.refused} refused; ` +
        `rows whose status differs from the expected one: ${mismatches}`,
    );
    console.log(
      `stored afterwards: ${records} records (expected ${before + totals.stored}), ${rejections} refused rows kept (expected ${totals.refused})`,
    );
    console.table([
      { run: 'import, last report answered', seconds: +answered.toFixed(2), 'rows/s': Math.round(n / answered) },
      {
        run: 'import + tier recompute drained (end to end)',
        seconds: +endToEnd.toFixed(2),
        'rows/s': Math.round(n / endToEnd),
      },
      {
        run: `${runtime.embedded ? 'one INSERT … unnest per file' : 'plain COPY of the same CSV'} (floor, median of 3)`,
        seconds: +floor.toFixed(2),
        'rows/s': Math.round(n / floor),
      },
    ]);
    console.log(`end to end / floor: ${(endToEnd / floor).toFixed(1)}x; peak RSS ${Math.round(rss / 2 ** 20)} MB`);
    if (mismatches || records !== before + totals.stored || rejections !== totals.refused) process.exitCode = 1;
  } finally {
    await app.close();
    await embedded?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
