/**
 * Tiering benchmark, end to end through the database: seeds N subjects (default 100,000) with records
 * in a fresh database, then runs the batch tiering (read subjects → read records in force → derive
 * facts → evaluate every pack → write tiers and history) and prints subjects tiered per second.
 * Side by side in the same run, on the same first M subjects: the pipeline with the compiled evaluator
 * and the same pipeline with json-rules-engine (a fresh Engine per evaluation) as the evaluator.
 *
 *   npm run bench:tiering                         # embedded PostgreSQL (PGlite) in a temporary folder
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:tiering -- --n 100000
 *     (on a server the benchmark creates and drops its own database, credit_bench)
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
import { PacksService } from '../src/modules/packs/packs.service';
import { RecordsService } from '../src/modules/records/records.service';
import { SubjectsService } from '../src/modules/subjects/subjects.service';
import { TieringService } from '../src/modules/tiering/tiering.service';
import { deriveFacts } from '../src/rules/facts';
import { evaluatePack, evaluateWithEngine, engineRules } from '../src/rules/tiers';
import { seed } from './tiering-seed';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  return v;
};

async function main(): Promise<void> {
  const n = arg('n', 100_000);
  const m = Math.min(n, arg('peer', 2_000));
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-tiering-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
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

    const tiering = app.get(TieringService);
    t0 = performance.now();
    const first = await tiering.recomputeAll({ trigger: 'bench' });
    const firstS = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const second = await tiering.recomputeAll({ trigger: 'bench' });
    const secondS = (performance.now() - t0) / 1000;

    const peer = await peerComparison(
      app.get(SubjectsService),
      app.get(RecordsService),
      app.get(PacksService),
      today,
      m,
    );
    console.table([
      {
        run: 'batch tiering, first (every tier written)',
        subjects: first.subjects,
        tiers: first.evaluations,
        changed: first.changed,
        seconds: +firstS.toFixed(2),
        'subjects/s': Math.round(first.subjects / firstS),
      },
      {
        run: 'batch tiering, again (nothing changed)',
        subjects: second.subjects,
        tiers: second.evaluations,
        changed: second.changed,
        seconds: +secondS.toFixed(2),
        'subjects/s': Math.round(second.subjects / secondS),
      },
    ]);
    console.log(`\nread + derive + evaluate on the first ${m} subjects (no writes), median of 3:`);
    console.table(peer.rows);
    console.log(`compiled / json-rules-engine: ${peer.ratio.toFixed(1)}x; identical tiers: ${peer.identical}`);
  } finally {
    await app.close();
    await embedded?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
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
