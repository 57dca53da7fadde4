/**
 * Inspection draw benchmark (双随机): the pure draw over generated subjects in memory, 100,000 and then
 * 1,000,000 subjects, each size in its own child process so that its peak memory is its own. Prints the
 * time of the draw, peak RSS (process.resourceUsage().maxRSS) and heapUsed sampled after generating the
 * inputs and after the draw, next to a peer: sorting the same ids and one full Fisher–Yates shuffle.
 *
 *   npm run bench:plan                      # 100,000 and 1,000,000 subjects, 500 inspectors
 *   node dist/bench/plan.js --size 250000   # one size, in this process
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { commandLine } from '../src/common/cli-command';
import {
  drawInspectionPlan,
  type DrawInspector,
  type DrawSubject,
  mulberry32,
  partialShuffle,
} from '../src/rules/draw';

const POLICIES = {
  A: { samplingRatio: 0.02, onSiteWithoutLead: false },
  B: { samplingRatio: 0.05 },
  C: { samplingRatio: 0.3 },
  D: { samplingRatio: 1, keyItemsFull: true },
};
const INSPECTORS = 500;
const mb = (bytes: number) => (bytes / 1048576).toFixed(0);

function generate(n: number): { subjects: DrawSubject[]; inspectors: DrawInspector[] } {
  const rnd = mulberry32(20261128);
  const hex = () =>
    Math.floor(rnd() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  const subjects: DrawSubject[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const tier = r < 0.6 ? 'A' : r < 0.85 ? 'B' : r < 0.95 ? 'C' : 'D';
    // A flat string, as ids read from the database or JSON are (a concatenated one compares far slower).
    const id = Buffer.from(`${hex()}-${hex()}-${String(i).padStart(7, '0')}`, 'latin1').toString('latin1');
    subjects.push({ id, tier, due: rnd() < 0.03, openLead: rnd() < 0.001 });
  }
  const inspectors: DrawInspector[] = Array.from({ length: INSPECTORS }, (_, i) => ({
    id: `INSP-${String(i).padStart(4, '0')}`,
    department: `dept-${i % 12}`,
    conflicts: Array.from({ length: 5 }, () => subjects[Math.floor(rnd() * n)].id),
  }));
  return { subjects, inspectors };
}

function runOne(n: number): void {
  const { subjects, inspectors } = generate(n);
  const heapInputs = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const plan = drawInspectionPlan({ subjects, policies: POLICIES, inspectors, seed: 'bench-2026' });
  const drawMs = performance.now() - t0;
  const heapAfter = process.memoryUsage().heapUsed;
  const p0 = performance.now();
  const ids = subjects.map((s) => s.id).sort();
  partialShuffle(ids, ids.length, mulberry32(1));
  const peerMs = performance.now() - p0;
  const loads = Object.values(plan.load);
  console.log(
    JSON.stringify({
      subjects: n,
      inspectors: INSPECTORS,
      drawn: plan.items.length,
      drawMs: Math.round(drawMs),
      peerSortShuffleMs: Math.round(peerMs),
      peakRssMb: Number(mb(process.resourceUsage().maxRSS * 1024)),
      heapUsedInputsMb: Number(mb(heapInputs)),
      heapUsedAfterDrawMb: Number(mb(heapAfter)),
      loadMin: Math.min(...loads),
      loadMax: Math.max(...loads),
      tiers: plan.tiers.map((t) => `${t.tier}:${t.drawn}/${t.population}`).join(' '),
    }),
  );
}

const { size } = commandLine({
  name: 'bench:plan',
  options: { size: { type: 'integer', min: 1, help: 'one size only, in this process' } },
}).options;
if (size !== undefined) runOne(size);
else {
  console.log(
    `inspection draw, node ${process.version}: time of drawInspectionPlan, peak RSS of the whole process (inputs included)`,
  );
  for (const n of [100_000, 1_000_000]) {
    process.stdout.write(
      execFileSync(process.execPath, ['--max-old-space-size=4096', __filename, '--size', String(n)], {
        encoding: 'utf8',
      }),
    );
  }
}
