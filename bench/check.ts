/**
 * bench:check — the inline check API under load, side by side with a bare Fastify server answering the
 * same request bodies, with autocannon at the same settings, alternating rounds. Prints requests per
 * second, p50 and p99 latency for both, their ratio, and whether the audit trail holds exactly one entry
 * per successful check (an answered check is an audited check).
 *
 *   npm run bench:check                                   # embedded PostgreSQL, 100,000 subjects
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:check
 *   options: --subjects N (100000) --connections C (20) --seconds S (10) --rounds R (3) --single N (500)
 *            --workers W (1): W processes on one port for each server (the service as WORKERS=W runs it; needs
 *            DATABASE_URL), bare Fastify with as many
 *
 * Then one check alone: one connection, one request at a time (--single requests per round, alternating
 * with bare Fastify), timed per request with performance.now() (autocannon's histogram counts whole ms).
 * The machine's load average is printed at the start and the end: the machine is shared.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import os, { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { commandLine } from '../src/common/cli-command';

const whole = (help: string, dflt: number) => ({ type: 'integer', min: 1, default: dflt, help }) as const;
const CLI = {
  name: 'bench:check',
  options: {
    subjects: whole('subjects seeded', 100_000),
    connections: whole('concurrent connections', 20),
    seconds: whole('seconds per round', 10),
    rounds: whole('alternating rounds', 3),
    single: whole('requests per round of one check alone', 500),
    workers: whole('processes per server (needs DATABASE_URL above 1)', 1),
  },
} as const;

function start(script: string, env: NodeJS.ProcessEnv): Promise<{ proc: ChildProcess; fields: string[] }> {
  const proc = spawn(process.execPath, ['--expose-gc', join(__dirname, script)], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let told = false;
    let keptTold = false;
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (line) resolve({ proc, fields: line.split(' ').slice(1) });
      const seeded = out.split('\n').find((l) => l.startsWith('SEEDED '));
      if (seeded && !told) {
        told = true;
        console.log(`seeded ${seeded.split(' ')[1]} subjects, ${seeded.split(' ')[2]} records`);
      }
      const kept = out.split('\n').find((l) => l.startsWith('KEPT '));
      if (kept && !keptTold) {
        keptTold = true;
        const [, n, bytes] = kept.split(' ');
        console.log(
          `credit state kept for checks: ${n} subjects, ≈ ${bytes} bytes of heap each (≈ ${((Number(bytes) * 1e6) / 2 ** 30).toFixed(2)} GiB per 1,000,000 subjects)`,
        );
      }
    });
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
}

/** A fixed number of requests (not a duration), so every request sent is answered and counted. */
async function load(
  url: string,
  headers: Record<string, string>,
  bodies: string[],
  connections: number,
  amount: number,
): Promise<Result> {
  let i = 0;
  const r = await autocannon({
    url,
    connections,
    amount,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
  return {
    // Answers over the run's duration (10 ms resolution): autocannon's own average is of whole-second samples, and
    // a run of a few seconds made it 2000/3 or 2000/4.
    rps: (r['2xx'] + r.non2xx) / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r['2xx'],
    errors: r.non2xx + r.errors + r.timeouts,
  };
}

async function auditEntries(port: string, key: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/audit/verify`, {
    headers: { authorization: `Bearer ${key}` },
  });
  const report = (await res.json()) as { valid: boolean; entries: number };
  if (!report.valid) throw new Error(`audit chain invalid: ${JSON.stringify(report)}`);
  return report.entries;
}

function post(url: string, headers: Record<string, string>, body: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

/** One request at a time on one kept-alive connection; each timed from sending to the end of the answer. */
async function alone(url: string, headers: Record<string, string>, bodies: string[], amount: number): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const ms: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  try {
    for (let i = 0; i < amount; i++) {
      const started = performance.now();
      const status = await post(url, headers, bodies[i % bodies.length], agent);
      if (status >= 200 && status < 300) ms.push(performance.now() - started);
      else errors += 1;
    }
  } finally {
    agent.destroy();
  }
  const sorted = ms.sort((a, b) => a - b);
  const at = (p: number) => +(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN).toFixed(2);
  return { rps: amount / ((performance.now() - t0) / 1000), p50: at(0.5), p99: at(0.99), ok: ms.length, errors };
}

const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const { connections, seconds, rounds, single, workers, subjects } = commandLine(CLI).options;
  console.log(`machine load (1/5/15 min) at start: ${loadAverage()} (${os.cpus().length} cores)`);
  const env = { ...process.env, BENCH_SUBJECTS: String(subjects), BENCH_WORKERS: String(workers) };
  console.log(
    `starting the service (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PostgreSQL'}) and seeding…`,
  );
  const svc = await start('check-server.js', env);
  const bare = await start('bare-server.js', env);
  const [port, key, codesFile] = svc.fields;
  try {
    const codes = JSON.parse(readFileSync(codesFile, 'utf8')) as string[];
    const scenarios = ['tendering', 'government_procurement', 'land_transfer', 'government_funds', 'financing'];
    const bodies = Array.from({ length: 1000 }, (_, j) =>
      JSON.stringify({
        scenario: scenarios[j % scenarios.length],
        transaction: { reference: `BENCH-${j}`, amount: 100000 + j },
        parties: [0, 1, 2].map((k) => ({
          code: codes[(j * 3 + k) % codes.length],
          role: j % scenarios.length === 2 ? 'transferee' : 'bidder',
        })),
      }),
    );
    const auth = { authorization: `Bearer ${key}` };
    // Warm-up rounds also size the measured ones: about `seconds` of work for each server.
    const svcWarm = await load(`http://127.0.0.1:${port}/api/v1/checks`, auth, bodies, connections, 1000);
    const bareWarm = await load(`http://127.0.0.1:${bare.fields[0]}/api/v1/checks`, {}, bodies, connections, 2000);
    const svcAmount = Math.max(connections * 10, Math.round(svcWarm.rps * seconds));
    const bareAmount = Math.max(connections * 10, Math.round(bareWarm.rps * seconds));
    const before = await auditEntries(port, key);
    const svcRuns: Result[] = [];
    const bareRuns: Result[] = [];
    for (let r = 0; r < rounds; r++) {
      svcRuns.push(await load(`http://127.0.0.1:${port}/api/v1/checks`, auth, bodies, connections, svcAmount));
      bareRuns.push(
        await load(`http://127.0.0.1:${bare.fields[0]}/api/v1/checks`, {}, bodies, connections, bareAmount),
      );
    }
    // One check alone: one connection, one request at a time, alternating with bare Fastify.
    const svcUrl = `http://127.0.0.1:${port}/api/v1/checks`;
    const bareUrl = `http://127.0.0.1:${bare.fields[0]}/api/v1/checks`;
    const warmAlone = [await alone(svcUrl, auth, bodies, 50)];
    await alone(bareUrl, {}, bodies, 50);
    const svcAlone: Result[] = [];
    const bareAlone: Result[] = [];
    for (let r = 0; r < rounds; r++) {
      svcAlone.push(await alone(svcUrl, auth, bodies, single));
      bareAlone.push(await alone(bareUrl, {}, bodies, single));
    }
    const after = await auditEntries(port, key);
    const row = (name: string, rs: Result[]) => ({
      server: name,
      'req/s (median)': Math.round(median(rs.map((x) => x.rps))),
      'p50 ms': median(rs.map((x) => x.p50)),
      'p99 ms': median(rs.map((x) => x.p99)),
      '2xx': rs.reduce((n, x) => n + x.ok, 0),
      'non-2xx/errors': rs.reduce((n, x) => n + x.errors, 0),
    });
    const a = row('POST /api/v1/checks (service)', svcRuns);
    const b = row('bare Fastify, same bodies', bareRuns);
    console.log(
      `\n${connections} connections, ${rounds} alternating rounds of about ${seconds} s each (${svcAmount} / ${bareAmount} requests), 3 parties per check, ${workers} process${workers > 1 ? 'es' : ''} per server`,
    );
    console.table([a, b]);
    console.log(`service / bare Fastify throughput: ${(a['req/s (median)'] / b['req/s (median)']).toFixed(3)}`);
    const c = row('one check alone: service', svcAlone);
    const d = row('one request alone: bare Fastify', bareAlone);
    console.log(
      `\n1 connection, one request at a time, ${rounds} alternating rounds of ${single} requests each (timed per request)`,
    );
    console.table([c, d]);
    console.log(`one check alone, p50: service ${c['p50 ms']} ms, bare Fastify ${d['p50 ms']} ms (target: ≤ 3 ms)`);
    const checks = [...svcRuns, ...svcAlone, ...warmAlone].reduce((n, x) => n + x.ok, 0);
    console.log(
      `audit entries written during the rounds: ${after - before}; successful checks: ${checks}; equal: ${after - before === checks}`,
    );
    console.log(`machine load (1/5/15 min) at end: ${loadAverage()}`);
  } finally {
    svc.proc.kill('SIGTERM');
    bare.proc.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
