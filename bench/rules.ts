/**
 * Rule evaluation benchmark: for each bundled pack, the same N random fact sets (biased around the
 * pack's thresholds) through the compiled evaluator and through json-rules-engine (a fresh Engine per
 * evaluation, as the reference does), in alternating rounds; prints medians, the ratio, and whether every
 * result was identical.
 *
 *   npm run bench:rules                    # N = 20000, 3 rounds (about 2 minutes: the engine is the slow side)
 *   npm run bench:rules -- --n 5000 --rounds 3       (or BENCH_N / BENCH_ROUNDS)
 */
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { commandLine } from '../src/common/cli-command';
import { type CompiledPack, evaluatePack, type Evaluation, engineRules, evaluateWithEngine } from '../src/rules/tiers';
import type { Facts } from '../src/rules/shared';
import { bundledPacks, sampleFacts } from '../src/rules/testing';

const CLI = {
  name: 'bench:rules',
  options: {
    n: { type: 'integer', min: 1, default: 20_000, env: 'BENCH_N', help: 'fact sets per pack' },
    rounds: { type: 'integer', min: 1, default: 3, env: 'BENCH_ROUNDS', help: 'alternating rounds' },
  },
} as const;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function runCompiled(c: CompiledPack, inputs: readonly Facts[], out: Evaluation[]): number {
  const t0 = performance.now();
  for (let i = 0; i < inputs.length; i++) out[i] = evaluatePack(c, inputs[i]);
  return performance.now() - t0;
}

async function runEngine(c: CompiledPack, inputs: readonly Facts[], out: Evaluation[]): Promise<number> {
  const rules = engineRules(c);
  const t0 = performance.now();
  for (let i = 0; i < inputs.length; i++) out[i] = await evaluateWithEngine(c, inputs[i], rules);
  return performance.now() - t0;
}

interface Row {
  pack: string;
  rules: number;
  compiledPerSec: number;
  enginePerSec: number;
  identical: boolean;
}

async function benchPack(c: CompiledPack, n: number, rounds: number): Promise<Row> {
  const inputs = sampleFacts(c.pack, n, 20261128);
  const compiledOut: Evaluation[] = new Array<Evaluation>(n);
  const engineOut: Evaluation[] = new Array<Evaluation>(n);
  runCompiled(c, inputs.slice(0, 1000), []); // warm-up
  await runEngine(c, inputs.slice(0, 200), []);
  const tc: number[] = [];
  const te: number[] = [];
  let identical = true;
  for (let r = 0; r < rounds; r++) {
    tc.push(runCompiled(c, inputs, compiledOut));
    te.push(await runEngine(c, inputs, engineOut));
    for (let i = 0; i < n && identical; i++) identical = isDeepStrictEqual(compiledOut[i], engineOut[i]);
  }
  return {
    pack: c.pack.id,
    rules: c.rules.length,
    compiledPerSec: (n / median(tc)) * 1000,
    enginePerSec: (n / median(te)) * 1000,
    identical,
  };
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

async function main(): Promise<void> {
  const { n, rounds } = commandLine(CLI, { env: process.env }).options;
  console.log(
    `Rule evaluation: ${n} fact sets per pack, median of ${rounds} alternating rounds, Node ${process.version}`,
  );
  const rows: Row[] = [];
  for (const c of bundledPacks()) rows.push(await benchPack(c, n, rounds));
  const header = [
    'pack',
    'rules',
    'compiled eval/s',
    'µs/eval',
    'json-rules-engine eval/s',
    'µs/eval',
    'ratio',
    'identical',
  ];
  const lines = rows.map((r) => [
    r.pack,
    String(r.rules),
    fmt(r.compiledPerSec),
    fmt(1e6 / r.compiledPerSec, 2),
    fmt(r.enginePerSec),
    fmt(1e6 / r.enginePerSec, 1),
    `${fmt(r.compiledPerSec / r.enginePerSec, 0)}×`,
    r.identical ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l));
  const allIdentical = rows.every((r) => r.identical);
  console.log(
    allIdentical
      ? `All ${rows.length * n} results identical between the two evaluators.`
      : 'RESULTS DIFFER between the two evaluators.',
  );
  if (!allIdentical) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
