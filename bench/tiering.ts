/**
 * Tiering benchmark, end to end through the database: seeds N subjects (default 100,000) with records
 * in a fresh database, then runs the batch tiering (read subjects → read records in force → derive
 * facts → evaluate every pack → write tiers and history) and prints subjects tiered per second.
 * Side by side in the same run, on the same first M subjects: the pipeline with the compiled evaluator
 * and the same pipeline with json-rules-engine (a fresh Engine per evaluation) as the evaluator.
 *
 *   npm run bench:tiering                         # embedded PostgreSQL (PGlite) in a temporary folder
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:tiering -- --n 100000
 *     (on a server the benchmark creates and drops its own database, credit_bench or BENCH_DB_NAME)
 *   ... -- --n 1000000 --quick                   # first run and nothing changed only; peak RSS printed
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freshServerDatabase } from './bench-db';
import { DataSource } from 'typeorm';
import { createApp, resolveDatabase } from '../src/bootstrap';
import { loadConfig } from '../src/config/app.config';
import { Clock } from '../src/common/clock';
import { commandLine } from '../src/common/cli-command';
import { PacksService } from '../src/modules/packs/packs.service';
import { RecordsService } from '../src/modules/records/records.service';
import { SubjectsService } from '../src/modules/subjects/subjects.service';
import { TieringService } from '../src/modules/tiering/tiering.service';
import { deriveFacts } from '../src/rules/facts';
import { evaluatePack, evaluateWithEngine, engineRules } from '../src/rules/tiers';
import { seed, touchTenth } from './tiering-seed';
import { evaluateSubject } from '../src/modules/tiering/tier-computation';
import { SubjectIndustriesService } from '../src/modules/subjects/subject-industries.service';

const CLI = {
  name: 'bench:tiering',
  options: {
    n: { type: 'integer', min: 1, default: 100_000, help: 'subjects seeded' },
    peer: { type: 'integer', min: 1, default: 2_000, help: 'subjects of the evaluator comparison' },
    quick: { type: 'boolean', help: 'the first run and one with nothing changed only' },
  },
} as const;

async function main(): Promise<void> {
  const { n, peer, quick } = commandLine(CLI).options;
  const m = Math.min(n, peer);
  // --quick: the first run and one with nothing changed only (no change run, no evaluator peer): for --n 1000000.
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-tiering-'));
  // No daily run (TIERING_DAILY_CHECK_MS=0): it would tier the same subjects beside the runs measured.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', TIERING_DAILY_CHECK_MS: '0' };
  if (process.env.DATABASE_URL) env.DATABASE_URL = await freshServerDatabase(process.env.DATABASE_URL);
  const { runtime, embedded } = await resolveDatabase(loadConfig(env));
  const app = await createApp(runtime);
  try {
    const ds = app.get(DataSource);
    const today = app.get(Clock).today();
    console.log(`database: ${runtime.embedded ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL server'}; N = ${n}`);
    let t0 = performance.now();
    const seeded = await seed(ds, n, today);
    console.log(
      `seeded ${seeded.subjects} subjects and ${seeded.records} records in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // Autovacuum is off on the benchmark server: the statistics it would gather after a load of this size.
    await ds.query('ANALYZE subjects');
    await ds.query('ANALYZE credit_records');
    const floor = await sqlFloor(ds, today);

    const tiering = app.get(TieringService);
    const timed = async (label: string) => {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const r = await tiering.recomputeAll({ trigger: 'bench' });
      const seconds = (performance.now() - t) / 1000;
      const used = process.cpuUsage(cpu);
      // With --marks: the run's window in ms since the process started (to cut a --cpu-prof profile to it).
      if (process.argv.includes('--marks'))
        console.error(`marks: ${label}: ${Math.round(t)} ${Math.round(performance.now())}`);
      return {
        run: label,
        subjects: r.subjects,
        tiers: r.evaluations,
        changed: r.changed,
        refreshed: r.refreshed,
        seconds: +seconds.toFixed(2),
        'node CPU s': +((used.user + used.system) / 1e6).toFixed(2),
        'subjects/s': Math.round(r.subjects / seconds),
      };
    };
    const runs = [await timed('batch tiering, first (every tier new)'), await timed('again (nothing changed)')];
    t0 = performance.now();
    const touched = quick ? 0 : await touchTenth(ds, today);
    const touchS = (performance.now() - t0) / 1000;
    if (!quick) {
      runs.push(await timed(`after ${touched} new records (~10 % of subjects)`));
      runs.push(await timed('again (nothing changed)'));
    }
    console.table(runs);
    console.log(
      `floor: one SQL aggregate (count, max decision date per subject and industry over the records in force): ` +
        `${floor.seconds.toFixed(2)} s for ${floor.groups} groups (median of 3); the new records were inserted in ${touchS.toFixed(1)} s`,
    );
    console.log(`peak RSS of this process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    const same = await sampleIdentical(ds, app, today, Math.min(n, 2_000));
    console.log(
      `stored tiers = per-subject evaluation (recompute path) on ${same.subjects} sampled subjects: ${same.identical} (${same.tiers} tiers)`,
    );
    if (!same.identical) process.exitCode = 1;
    if (quick) return;

    const peer = await peerComparison(
      app.get(SubjectsService),
      app.get(RecordsService),
      app.get(PacksService),
      today,
      m,
    );

    console.log(`\nread + derive + evaluate on the first ${m} subjects (no writes), median of 3:`);
    console.table(peer.rows);
    console.log(`compiled / json-rules-engine: ${peer.ratio.toFixed(1)}x; identical tiers: ${peer.identical}`);
  } finally {
    await app.close();
    await embedded?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** JSON with object keys sorted (jsonb keeps its own key order). */
const canon = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );

/** The floor: one plain aggregate over the same records in force, run on the server (median of 3). */
async function sqlFloor(ds: DataSource, today: string): Promise<{ seconds: number; groups: number }> {
  const end = `(CASE WHEN type = 'licence' THEN valid_until ELSE publicity_end END)`;
  const times: number[] = [];
  let groups = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const [row]: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM (
         SELECT subject_id, industry, count(*), max(decision_date) FROM credit_records
         WHERE decision_date <= $1::date AND (${end} IS NULL OR ${end} > $1::date)
           AND (revoked_at IS NULL OR revoked_at > $1::date) AND (repaired_at IS NULL OR repaired_at > $1::date)
           AND (ended_at IS NULL OR ended_at > $1::date)
         GROUP BY subject_id, industry) g`,
      [today],
    );
    times.push((performance.now() - t) / 1000);
    groups = row.n;
  }
  return { seconds: [...times].sort((a, b) => a - b)[1], groups };
}

/**
 * The batch's answers against the per-subject path (the one a record change takes: records by id, evaluateSubject)
 * on a sample spread over the id order: same tiers, scores, fired rules, facts, membership and fingerprints, and
 * no stored tier the evaluation does not give.
 */
async function sampleIdentical(
  ds: DataSource,
  app: Awaited<ReturnType<typeof createApp>>,
  today: string,
  m: number,
): Promise<{ subjects: number; tiers: number; identical: boolean }> {
  const picked: Array<{ id: string }> = await ds.query(
    `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS k FROM subjects) x
     WHERE k % greatest(1, (SELECT count(*) FROM subjects) / $1) = 0 LIMIT $1`,
    [m],
  );
  const ids = picked.map((r) => r.id);
  const refs = await app.get(SubjectsService).findRefs(ids);
  const records = await app.get(RecordsService).recordsInForceFor(ids, today);
  const assignments = await app.get(SubjectIndustriesService).assignmentsFor(ids);
  const packs = app.get(PacksService).active();
  const live = new Map<string, string>();
  for (const id of ids) {
    const { tiers } = evaluateSubject(refs.get(id)!, records.get(id) ?? [], today, packs, assignments.get(id) ?? []);
    for (const t of tiers) {
      const e = t.evaluation;
      const rules = e.fired.map((f) => f.rule);
      live.set(`${id}/${e.industry}`, canon([e.tier, e.score, rules, t.facts, t.membership, t.fingerprint]));
    }
  }
  const rows: Array<{
    k: string;
    tier: string;
    score: number;
    fired: Array<{ rule: string }>;
    facts: unknown;
    membership: unknown;
    fingerprint: string;
  }> = await ds.query(
    `SELECT subject_id || '/' || industry AS k, tier, score::float AS score, fired, facts, membership, fingerprint
     FROM credit_tiers WHERE subject_id = ANY($1::uuid[])`,
    [ids],
  );
  const stored = rows.map((r) => ({
    k: r.k,
    v: canon([r.tier, r.score, r.fired.map((f) => f.rule), r.facts, r.membership, r.fingerprint]),
  }));
  const identical = stored.length === live.size && stored.every((r) => live.get(r.k) === r.v);
  return { subjects: ids.length, tiers: live.size, identical };
}

async function peerComparison(
  subjects: SubjectsService,
  records: RecordsService,
  packs: PacksService,
  today: string,
  m: number,
) {
  const refs = await subjects.listRefs(null, m);
  const active = packs.active();
  const run = async (engine: boolean): Promise<{ seconds: number; tiers: string[] }> => {
    const t0 = performance.now();
    const recs = await records.recordsInForceFor(
      refs.map((r) => r.id),
      today,
    );
    const tiers: string[] = [];
    for (const s of refs) {
      for (const p of active) {
        if (!p.pack.appliesTo.includes(s.kind)) continue;
        const facts = deriveFacts(
          { kind: s.kind, registeredOn: s.registeredOn },
          recs.get(s.id) ?? [],
          today,
          p.pack.industry,
        );
        const e = engine
          ? await evaluateWithEngine(p.compiled, facts, engineRules(p.compiled))
          : evaluatePack(p.compiled, facts);
        tiers.push(`${e.tier}:${e.score}`);
      }
    }
    return { seconds: (performance.now() - t0) / 1000, tiers };
  };
  const times = { compiled: [] as number[], engine: [] as number[] };
  let a: string[] = [];
  let b: string[] = [];
  for (let round = 0; round < 3; round++) {
    const c = await run(false);
    const e = await run(true);
    times.compiled.push(c.seconds);
    times.engine.push(e.seconds);
    a = c.tiers;
    b = e.tiers;
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[1];
  const rows = [
    {
      evaluator: 'compiled predicates',
      'subjects/s': Math.round(m / med(times.compiled)),
      seconds: +med(times.compiled).toFixed(3),
    },
    {
      evaluator: 'json-rules-engine (fresh Engine)',
      'subjects/s': Math.round(m / med(times.engine)),
      seconds: +med(times.engine).toFixed(3),
    },
  ];
  return {
    rows,
    ratio: med(times.engine) / med(times.compiled),
    identical: a.length === b.length && a.every((x, i) => x === b[i]),
  };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
