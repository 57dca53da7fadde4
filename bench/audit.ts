/**
 * bench:audit — what the audit trail costs and how far one hash chain goes, on a PostgreSQL server.
 *
 * 1. CPU per entry: prepareEntry, canonical JSON, the hash (SM3), beside JSON.stringify (+ SHA-256).
 * 2. Appends per second on one chain with group commit, by batch size: the real writer (GroupCommitWriter
 *    + commitBatch: hash on the head it wrote last, then one statement — audit_append: lock, head and dedupe check,
 *    INSERT, commit) beside a plain multi-row
 *    INSERT … VALUES of the same rows, one transaction per batch, into a table with the same columns and
 *    indexes (no lock, no hash, no reads). Alternating rounds; medians.
 * 3. Bytes on disk per subject / record / tier row / audit entry, and the sizing of a province and a
 *    national platform.
 * The entries are copies of real check entries: the service is started on a fresh database, seeded, and
 * answers real checks first.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres BENCH_DB_NAME=credit_bench_audit npm run bench:audit
 *   options: --subjects N (20000) --entries E (5000 per run) --rounds R (3) --batches 1,10,50,100,500
 *     --all-answers: copy every real check, not the largest tenth (answers of ~8-9 KB)
 */
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { commandLine } from '../src/common/cli-command';
import { createApp, resolveDatabase } from '../src/bootstrap';
import { loadConfig } from '../src/config/app.config';
import { Clock } from '../src/common/clock';
import { commitBatch } from '../src/modules/audit/audit-batch';
import type { PreparedEntry } from '../src/modules/audit/audit-entry';
import { GroupCommitWriter } from '../src/modules/audit/audit-writer';
import { AuditService } from '../src/modules/audit/audit.service';
import { ApiKeysService } from '../src/modules/auth/api-keys.service';
import { TieringService } from '../src/modules/tiering/tiering.service';
import { entriesFrom, entryBytes, hashCost, median, renamed, staticShare, type EntryTemplate } from './audit-entries';
import { printSizes } from './audit-sizes';
import { freshServerDatabase } from './bench-db';
import { seed } from './tiering-seed';

const CLI = {
  name: 'bench:audit',
  options: {
    subjects: { type: 'integer', min: 1, default: 20_000, help: 'subjects seeded' },
    entries: { type: 'integer', min: 1, default: 5_000, help: 'entries appended per run' },
    rounds: { type: 'integer', min: 1, default: 3, help: 'alternating rounds' },
    batches: {
      type: 'integers',
      min: 1,
      max: 2000,
      default: [1, 10, 50, 100, 500],
      help: 'group-commit batch sizes',
      value: 'N,N,…',
    },
    'all-answers': { type: 'boolean', help: 'copy every real check, not the largest tenth' },
  },
  notes: ['Needs DATABASE_URL (a PostgreSQL server).'],
} as const;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

/** Real checks through HTTP, so the entries copied afterwards are exactly what the service writes. */
async function realChecks(base: string, key: string, codes: string[], n: number): Promise<void> {
  const scenarios = ['tendering', 'government_procurement', 'land_transfer', 'government_funds', 'financing'];
  for (let j = 0; j < n; j++) {
    const res = await fetch(`${base}/api/v1/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        scenario: scenarios[j % scenarios.length],
        transaction: { reference: `AUDIT-BENCH-${j}`, amount: 100000 + j },
        parties: [0, 1, 2].map((k) => ({
          code: codes[(j * 3 + k) % codes.length],
          role: j % scenarios.length === 2 ? 'transferee' : 'bidder',
        })),
      }),
    });
    if (res.status !== 200 && res.status !== 201) throw new Error(`check answered ${res.status}: ${await res.text()}`);
  }
}

/** This process's CPU (user + system) per entry since `from`, µs: the Node side of an append. */
function cpuPer(from: NodeJS.CpuUsage, entries: readonly unknown[]): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / entries.length;
}

/** The real writer: every entry submitted at once, so every batch is full (maxBatch = batch). */
async function writerRun(ds: DataSource, entries: PreparedEntry[], batch: number, embedded: boolean) {
  const memo = {}; // the head after the writer's last batch, as AuditService keeps it
  const writer = new GroupCommitWriter((b) => commitBatch(ds, b, { named: !embedded }, memo), batch);
  const batchMs: number[] = [];
  writer.observe((o) => batchMs.push(o.seconds * 1000));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(entries.map((e) => writer.submit(e)));
  return {
    perS: entries.length / ((performance.now() - t0) / 1000),
    batchMs: median(batchMs),
    cpuUs: cpuPer(cpu0, entries),
  };
}

const COLS = `seq, id, kind, caller, operator, scenario, subject_ids, idempotency_key, request_hash, request, response,
  pack_versions, created_at, algorithm, prev_hash, hash`.replace(/\s+/g, ' ');
const PLACEHOLDER_HASH = 'f'.repeat(64);
let peerSeq = 0;

/** The peer: INSERT … VALUES of the same rows, one transaction per batch, one batch at a time. */
async function peerRun(ds: DataSource, entries: PreparedEntry[], batch: number) {
  const batchMs: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < entries.length; i += batch) {
    const b0 = performance.now();
    const params: unknown[] = [];
    const tuples = entries.slice(i, i + batch).map((e) => {
      const row = [
        ++peerSeq,
        e.id,
        e.kind,
        e.caller,
        e.operator,
        e.scenario,
        e.subject_ids,
        e.idempotency_key,
        e.request_hash,
        JSON.stringify(e.request),
        JSON.stringify(e.response),
        JSON.stringify(e.pack_versions),
        e.created_at,
        e.algorithm,
        PLACEHOLDER_HASH,
        PLACEHOLDER_HASH,
      ];
      const first = params.length;
      params.push(...row);
      return `(${row.map((_, k) => `$${first + k + 1}`).join(',')})`;
    });
    await ds.transaction((m) => m.query(`INSERT INTO audit_peer (${COLS}) VALUES ${tuples.join(',')}`, params));
    batchMs.push(performance.now() - b0);
  }
  return {
    perS: entries.length / ((performance.now() - t0) / 1000),
    batchMs: median(batchMs),
    cpuUs: cpuPer(cpu0, entries),
  };
}

async function main(): Promise<void> {
  const options = commandLine(CLI).options;
  if (!process.env.DATABASE_URL) throw new Error('bench:audit measures a PostgreSQL server: set DATABASE_URL');
  const { subjects, entries: perRun, rounds } = options;
  const answers = options['all-answers'] ? 'all' : 'largest';
  console.log(`machine load (1/5/15 min) at start: ${load()}`);
  const url = await freshServerDatabase(process.env.DATABASE_URL);
  const env = { ...process.env, DATABASE_URL: url, DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-audit-')) };
  const { runtime } = await resolveDatabase(loadConfig({ ...env, LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0' }));
  const app = await createApp(runtime);
  try {
    const ds = app.get(DataSource);
    const [settings] = await ds.query<Array<Record<string, string>>>(
      `SELECT version() AS v, current_setting('synchronous_commit') AS sc, current_setting('fsync') AS fsync,
         current_setting('shared_buffers') AS sb`,
    );
    console.log(
      `${settings.v.split(' on ')[0]}; synchronous_commit=${settings.sc}, fsync=${settings.fsync}, shared_buffers=${settings.sb}`,
    );
    let t0 = performance.now();
    const seeded = await seed(ds, subjects, app.get(Clock).today());
    const tiering = await app.get(TieringService).recomputeAll({ trigger: 'bench' });
    console.log(
      `seeded ${seeded.subjects} subjects, ${seeded.records} records, ${tiering.evaluations} tiers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const { key } = await app.get(ApiKeysService).create({ name: 'bench-audit', scopes: ['checks'], scenarios: ['*'] });
    const codes = (
      await ds.query<Array<{ code: string }>>(`SELECT code FROM subjects ORDER BY random() LIMIT 300`)
    ).map((r) => r.code);
    await realChecks(base, key, codes, 300);
    const real = await ds.query<EntryTemplate[]>(
      `SELECT caller, scenario, subject_ids, request, response, pack_versions FROM audit_log WHERE kind = 'check'
       ORDER BY length(response::text) DESC`,
    );
    const all = entryBytes(entriesFrom(real, real.length));
    // The seeded mix is mostly clean subjects (short answers); a party with measures makes an answer of ~10 KB.
    const templates = answers === 'all' ? real : real.slice(0, Math.ceil(real.length / 10));
    const bytes = entryBytes(entriesFrom(templates, templates.length));
    console.log(
      `\n${real.length} real checks: canonical entry ${Math.round(all.entry)} bytes on average (answer ${Math.round(all.response)}); ` +
        `copied: ${answers === 'all' ? 'all of them' : `the largest tenth, ${templates.length}`}: entry ${Math.round(bytes.entry)} bytes (answer ${Math.round(bytes.response)})`,
    );
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    console.log(
      `texts of the rule packs (measure names, descriptions, reasons, legal basis; statements) in the answers: ${pct(staticShare(real))} of their bytes (${pct(staticShare(real.slice(0, Math.ceil(real.length / 10))))} in the largest tenth)`,
    );

    console.log('\n1. CPU time per audit entry (this process, median of 5 passes over 2,000 entries)');
    console.table(hashCost(templates, 2_000, 5));

    await ds.query(`CREATE TABLE audit_peer (LIKE audit_log INCLUDING ALL)`);
    const base0 = entriesFrom(templates, perRun);
    const results: Array<Record<string, number | string>> = [];
    t0 = performance.now();
    for (const batch of options.batches) {
      // Enough entries for ≥ 100 batches (at most --entries): small batches are slow.
      const n = Math.min(perRun, Math.max(batch * 100, 200));
      type Run = { perS: number; batchMs: number; cpuUs: number };
      const w: Run[] = [];
      const p: Run[] = [];
      for (let r = 0; r < rounds; r++) {
        w.push(await writerRun(ds, renamed(base0.slice(0, n)), batch, runtime.embedded));
        p.push(await peerRun(ds, renamed(base0.slice(0, n)), batch));
      }
      const wPerS = median(w.map((x) => x.perS));
      const pPerS = median(p.map((x) => x.perS));
      results.push({
        batch,
        'entries/run': n,
        'chain appends/s': Math.round(wPerS),
        'chain ms/batch': +median(w.map((x) => x.batchMs)).toFixed(1),
        'chain Node CPU µs/entry': Math.round(median(w.map((x) => x.cpuUs))),
        'peer INSERT rows/s': Math.round(pPerS),
        'peer ms/batch': +median(p.map((x) => x.batchMs)).toFixed(1),
        'peer Node CPU µs/entry': Math.round(median(p.map((x) => x.cpuUs))),
        'chain / peer': +(wPerS / pPerS).toFixed(2),
      });
    }
    console.log(
      `\n2. One chain, group commit, by batch size: real writer vs plain multi-row INSERT (${rounds} alternating rounds, medians; ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
    );
    console.table(results);
    const verify = await ds.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM audit_log`);
    console.log(`audit_log now holds ${verify[0].n} entries`);
    const [{ head }] = await ds.query<Array<{ head: string }>>(`SELECT max(seq) AS head FROM audit_log`);
    if (Number(head) !== Number(verify[0].n)) throw new Error('the chain has a gap');
    t0 = performance.now();
    const report = await app.get(AuditService).verify();
    const verifyS = (performance.now() - t0) / 1000;
    console.log(
      `verify (whole chain, one walk, recomputing every hash): ${report.entries} entries in ${verifyS.toFixed(1)} s = ${Math.round(report.entries / verifyS)} entries/s; valid: ${report.valid}`,
    );
    if (!report.valid) throw new Error(`audit chain invalid: ${JSON.stringify(report.firstInvalid)}`);
    await ds.query(`DROP TABLE audit_peer`);

    console.log('\n3. Sizes');
    await printSizes(ds);
  } finally {
    await app.close();
  }
  console.log(`\nmachine load (1/5/15 min) at end: ${load()}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
