/**
 * `npm run soak -- --minutes N`: the real server (started here, `node dist/src/main.js`, on DATABASE_URL
 * or the embedded database in a temporary folder) under a steady load of checks (--rate a second) and
 * record imports (one every --import-every seconds: new decisions for known subjects, and a re-import
 * of an earlier file) for N minutes. Reports per minute: checks, p50 / p99 latency, errors, imports, RSS
 * and live heap (sampled after a full GC); then the memory growth (median of the first window against
 * the last, and the least-squares slope in MB a minute) and the latency drift (last minute against the
 * first). Exit 1 on any error or when the heap or the RSS grew beyond the thresholds.
 *
 *   options: --minutes 2 --rate 40 --import-every 5 --import-rows 20 --max-heap-growth-mb 16 --max-heap-slope 2 (MB/min)
 *            --max-rss-growth-mb 64
 */
import { join } from 'node:path';
import { commandLine } from '../src/common/cli-command';
import {
  baseEnv,
  cleanup,
  call,
  checkBody,
  freePort,
  freshCode,
  importBody,
  issueKey,
  NoAnswer,
  percentile,
  sleep,
  startServer,
} from './fault/harness';

const positive = (help: string, dflt: number, value = 'N') =>
  ({ type: 'number', above: 0, default: dflt, help, value }) as const;
const CLI = {
  name: 'soak',
  options: {
    minutes: positive('minutes of load', 2),
    rate: positive('checks a second', 40),
    'import-every': positive('seconds between record imports', 5, 'S'),
    'import-rows': { type: 'integer', min: 1, default: 20, help: 'rows per import' },
    'max-heap-growth-mb': positive('fail above this live-heap growth', 16, 'MB'),
    'max-heap-slope': positive('fail above this live-heap slope, MB a minute', 2, 'MB'),
    'max-rss-growth-mb': positive('fail above this RSS growth', 64, 'MB'),
  },
} as const;

interface Mem {
  t: number;
  rss: number;
  heapUsed: number;
}

const MB = 1024 * 1024;
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : 0;
}

async function main(): Promise<void> {
  const o = commandLine(CLI).options;
  const { minutes, rate, 'import-rows': importRows } = o;
  const importEvery = o['import-every'] * 1000;
  const maxHeapMb = o['max-heap-growth-mb'];
  const maxRssMb = o['max-rss-growth-mb'];
  const maxHeapSlope = o['max-heap-slope'];
  const env = baseEnv({ SOAK_SAMPLE_MS: '5000' });
  const caller = `soak-${Date.now().toString(36)}`;
  const key = issueKey(env, caller);
  const auth = { authorization: `Bearer ${key}` };
  const server = await startServer(env, await freePort(), {
    nodeArgs: ['--expose-gc', '-r', join(__dirname, 'soak-probe.js')],
  });
  const codes = Array.from({ length: 60 }, () => freshCode());
  for (const code of codes.slice(0, 40)) {
    const r = await call(server.url, 'POST', '/api/v1/records/import', importBody(code, 2), auth);
    if (r.status !== 200) throw new Error(`seeding answered ${r.status}`);
  }
  console.log(
    `soak: ${minutes} min on ${env.DATABASE_URL ? 'the PostgreSQL server' : 'the embedded database'}, ${rate} checks/s, an import of ${importRows} rows every ${importEvery / 1000} s`,
  );

  const start = Date.now();
  const end = start + minutes * 60_000;
  const minuteOf = (t: number) => Math.floor((t - start) / 60_000);
  const lat: number[][] = [];
  const importLat: number[][] = [];
  const errors: string[] = [];
  const errorsPerMinute: number[] = [];
  const fail = (t: number, what: string) => {
    errors.push(what);
    errorsPerMinute[minuteOf(t)] = (errorsPerMinute[minuteOf(t)] ?? 0) + 1;
  };
  let inFlight = 0;
  let skipped = 0;
  const pending = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  async function oneCheck(i: number): Promise<void> {
    const t = Date.now();
    inFlight++;
    try {
      const r = await call(server.url, 'POST', '/api/v1/checks', checkBody(codes, i), auth, 30_000);
      if (r.status === 200) (lat[minuteOf(t)] ??= []).push(Date.now() - t);
      else fail(t, `check ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    } catch (err) {
      fail(t, `check: ${err instanceof NoAnswer ? err.kind : ''} ${(err as Error).message}`);
    } finally {
      inFlight--;
    }
  }

  const earlier: Array<{ records: Array<Record<string, unknown>> }> = [];
  async function oneImport(n: number): Promise<void> {
    const t = Date.now();
    const body =
      n % 2 === 1 && earlier.length
        ? earlier[Math.floor(Math.random() * earlier.length)]
        : importBody(codes[n % codes.length], importRows);
    if (earlier.length < 50) earlier.push(body);
    try {
      const r = await call(server.url, 'POST', '/api/v1/records/import', body, auth, 60_000);
      if (r.status === 200) (importLat[minuteOf(t)] ??= []).push(Date.now() - t);
      else fail(t, `import ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    } catch (err) {
      fail(t, `import: ${(err as Error).message}`);
    }
  }

  // Open loop: a check every 1/rate s whatever the answers do (at most 100 in flight).
  let i = 0;
  let imports = 0;
  let nextImport = start + importEvery;
  let lastReport = start;
  while (Date.now() < end) {
    const due = start + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    if (inFlight < 100) track(oneCheck(i));
    else skipped++;
    i++;
    if (Date.now() >= nextImport) {
      track(oneImport(imports++));
      nextImport += importEvery;
    }
    if (Date.now() - lastReport >= 60_000) {
      lastReport += 60_000;
      const m = minuteOf(lastReport) - 1;
      const xs = [...(lat[m] ?? [])].sort((a, b) => a - b);
      console.log(
        `minute ${m + 1}: ${xs.length} checks, p50 ${percentile(xs, 50)} ms, p99 ${percentile(xs, 99)} ms, errors ${errorsPerMinute[m] ?? 0}`,
      );
    }
  }
  await Promise.all([...pending]);
  server.proc.kill('SIGTERM');
  const exit = await server.exited;
  cleanup(env);

  const mem: Mem[] = server.log
    .filter((l) => l.startsWith('SOAKMEM '))
    .map((l) => JSON.parse(l.slice(8)) as Mem)
    .filter((m) => m.t >= start && m.t <= end);
  // Warm-up excluded: the first 20 % of the run (JIT, caches, pools filling).
  const steady = mem.filter((m) => m.t >= start + (end - start) * 0.2);
  const w = Math.max(1, Math.floor(steady.length / 4));
  const first = steady.slice(0, w);
  const last = steady.slice(-w);
  const heapGrowth = (median(last.map((m) => m.heapUsed)) - median(first.map((m) => m.heapUsed))) / MB;
  const rssGrowth = (median(last.map((m) => m.rss)) - median(first.map((m) => m.rss))) / MB;
  const minutesOf = steady.map((m) => (m.t - start) / 60_000);
  const heapSlope = slope(
    minutesOf,
    steady.map((m) => m.heapUsed / MB),
  );
  const rssSlope = slope(
    minutesOf,
    steady.map((m) => m.rss / MB),
  );

  const rows = Array.from({ length: Math.ceil(minutes) }, (_, m) => {
    const xs = [...(lat[m] ?? [])].sort((a, b) => a - b);
    const ys = [...(importLat[m] ?? [])].sort((a, b) => a - b);
    const ms = mem.filter((x) => minuteOf(x.t) === m);
    return {
      minute: m + 1,
      checks: xs.length,
      'p50 ms': percentile(xs, 50),
      'p99 ms': percentile(xs, 99),
      errors: errorsPerMinute[m] ?? 0,
      imports: ys.length,
      'import p50 ms': percentile(ys, 50),
      'rss MB': ms.length ? +(median(ms.map((x) => x.rss)) / MB).toFixed(1) : NaN,
      'heap MB': ms.length ? +(median(ms.map((x) => x.heapUsed)) / MB).toFixed(1) : NaN,
    };
  });
  console.table(rows);
  const full = rows.filter((r) => r.checks > 0);
  const p99First = full[0]?.['p99 ms'];
  const p99Last = full[full.length - 1]?.['p99 ms'];
  const p50First = full[0]?.['p50 ms'];
  const p50Last = full[full.length - 1]?.['p50 ms'];
  console.log(`memory samples: ${mem.length} (${steady.length} after warm-up, windows of ${w})`);
  console.log(
    `heap (live, after GC): ${(median(first.map((m) => m.heapUsed)) / MB).toFixed(1)} MB -> ${(median(last.map((m) => m.heapUsed)) / MB).toFixed(1)} MB, growth ${heapGrowth.toFixed(1)} MB, slope ${heapSlope.toFixed(2)} MB/min`,
  );
  console.log(
    `rss: ${(median(first.map((m) => m.rss)) / MB).toFixed(1)} MB -> ${(median(last.map((m) => m.rss)) / MB).toFixed(1)} MB, growth ${rssGrowth.toFixed(1)} MB, slope ${rssSlope.toFixed(2)} MB/min`,
  );
  console.log(
    `latency drift: p50 ${p50First} -> ${p50Last} ms, p99 ${p99First} -> ${p99Last} ms (first minute -> last)`,
  );
  console.log(
    `checks sent ${i} (${skipped} skipped: 100 in flight), imports ${imports}, errors ${errors.length}; server exit ${exit.code ?? exit.signal}`,
  );
  const problems: string[] = [];
  if (errors.length) problems.push(`${errors.length} errors, first: ${errors[0]}`);
  if (skipped) problems.push(`${skipped} checks not sent: the server fell behind`);
  if (heapGrowth > Math.max(maxHeapMb, 0)) problems.push(`heap grew ${heapGrowth.toFixed(1)} MB (limit ${maxHeapMb})`);
  // A slow leak over a long run: the slope, once the growth is more than noise.
  if (heapSlope > maxHeapSlope && heapGrowth > 4)
    problems.push(`heap grows ${heapSlope.toFixed(2)} MB/min (limit ${maxHeapSlope})`);
  if (rssGrowth > maxRssMb) problems.push(`rss grew ${rssGrowth.toFixed(1)} MB (limit ${maxRssMb})`);
  if (steady.length < 4) problems.push('too few memory samples: run longer');
  if (exit.code !== 0) problems.push(`server exited ${exit.code ?? exit.signal} on SIGTERM`);
  if (problems.length) {
    console.error(`soak FAILED: ${problems.join('; ')}`);
    process.exit(1);
  }
  console.log('soak passed');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
