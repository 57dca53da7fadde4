/**
 * `npm run test:workers`: the service with WORKERS=2 (node:cluster, one port) on a PostgreSQL server while a
 * client sends checks, each with its own Idempotency-Key, retried when refused or cut. One worker is killed
 * (SIGKILL, as the kernel's OOM killer would). Asserts:
 *
 * - both workers serve (each spends CPU on the load), and the killed one is replaced by a new process;
 * - every check is eventually answered 200 and has exactly one audit entry; the chain is intact;
 * - SIGTERM to the primary stops every worker gracefully: the primary exits 0, no worker is left;
 * - WORKERS=2 without DATABASE_URL refuses to start, naming WORKERS (the embedded database is one process);
 * - workers that cannot start (no such database) make the primary give up with exit 1, not fork forever.
 */
import { spawnSync } from 'node:child_process';
import { commandLine } from '../../src/common/cli-command';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  auditEntriesOf,
  auditVerifyOnline,
  baseEnv,
  call,
  checkBody,
  expect,
  freePort,
  freshCode,
  importBody,
  issueKey,
  NoAnswer,
  ROOT,
  sleep,
  startServer,
} from './harness';

const CLI = {
  name: 'test:workers',
  options: {},
  notes: ['Needs DATABASE_URL: the workers share one PostgreSQL server.'],
} as const;

/** The worker processes of a primary (its children). */
function workersOf(pid: number): number[] {
  const out = spawnSync('ps', ['--ppid', String(pid), '-o', 'pid='], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .map((l) => Number(l.trim()))
    .filter((n) => n > 0);
}

/** CPU time (user + system, clock ticks) a process has used. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function main(): Promise<void> {
  commandLine(CLI);
  const failures: string[] = [];
  // Without a server database: refused at start, with the variable named.
  const embedded = spawnSync(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
    env: { ...baseEnv({ WORKERS: '2' }), DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(
    embedded.status === 1 && /WORKERS/.test(embedded.stderr),
    `WORKERS=2 on the embedded database refused (exit ${embedded.status}, ${embedded.stderr.trim().slice(0, 200)})`,
    failures,
  );
  if (!process.env.DATABASE_URL) {
    console.error('test:workers needs DATABASE_URL: the workers share one PostgreSQL server');
    process.exit(2);
  }
  // Workers that cannot start (a database that does not exist): the primary gives up, it does not fork forever.
  const missing = new URL(process.env.DATABASE_URL);
  missing.pathname = `/no_such_database_${Date.now().toString(36)}`;
  const started = Date.now();
  const doomed = spawnSync(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
    env: { ...baseEnv({ WORKERS: '2' }), DATABASE_URL: missing.toString(), PORT: String(await freePort()) },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(
    doomed.status === 1 && /in a row ended within/.test(doomed.stdout + doomed.stderr),
    `workers that cannot start: the primary stops with exit 1 after ${Date.now() - started} ms (exit ${doomed.status ?? doomed.signal})`,
    failures,
  );
  const env = baseEnv({ WORKERS: '2' });
  const run = Date.now().toString(36);
  const caller = `workers-${run}`;
  const key = issueKey(env, caller);
  const auth = { authorization: `Bearer ${key}` };
  const server = await startServer(env, await freePort());
  const primary = server.proc.pid!;
  // Ready answers once one worker listens: wait for both.
  for (let i = 0; i < 240 && workersOf(primary).length < 2; i++) await sleep(250);
  const first = workersOf(primary);
  expect(first.length === 2, `two workers started (${first.length})`, failures);
  await sleep(3000); // the second worker's modules and listener
  const codes = Array.from({ length: 10 }, () => freshCode());
  for (const code of codes.slice(0, 5))
    await call(server.url, 'POST', '/api/v1/records/import', importBody(code, 2), auth);

  const answered = new Map<string, string>();
  const lost: string[] = [];
  let next = 0;
  let running = true;
  const one = async (i: number) => {
    const idem = `${caller}-${i}`;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        // A connection the primary was handing to the worker at the moment it was killed is held by the primary
        // unanswered (node:cluster's round-robin hand-off): like a real client, give up after a while and retry.
        const r = await call(
          server.url,
          'POST',
          '/api/v1/checks',
          checkBody(codes, i),
          { ...auth, 'idempotency-key': idem },
          5000,
        );
        if (r.status === 200) return void answered.set(idem, (r.body as { checkId: string }).checkId);
        if (r.status !== 503) return void lost.push(`${idem}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      } catch (err) {
        if (!(err instanceof NoAnswer)) throw err;
      }
      await sleep(50);
    }
    lost.push(`${idem}: no 200 within 60 s`);
  };
  const clients = Array.from({ length: 8 }, async () => {
    while (running) await one(next++);
  });

  const cpu0 = first.map(cpuTicks);
  await sleep(4000);
  const cpu1 = first.map((pid) => (alive(pid) ? cpuTicks(pid) : 0));
  expect(
    cpu1.every((t, i) => t - cpu0[i] >= 5),
    `both workers served the load (CPU ticks spent: ${cpu1.map((t, i) => t - cpu0[i]).join(', ')})`,
    failures,
  );
  process.kill(first[0], 'SIGKILL');
  let replaced: number[] = [];
  for (let i = 0; i < 240; i++) {
    replaced = workersOf(primary);
    if (replaced.length === 2 && !replaced.includes(first[0])) break;
    await sleep(250);
  }
  expect(
    replaced.length === 2 && !replaced.includes(first[0]) && replaced.includes(first[1]),
    `the killed worker replaced by a new one (${first.join(', ')} → ${replaced.join(', ')})`,
    failures,
  );
  await sleep(4000);
  running = false;
  await Promise.all(clients);

  const entries = (await auditEntriesOf(server.url, key, caller)).filter((e) => e.kind === 'check');
  const byKey = new Map<string, number>();
  for (const e of entries) if (e.idempotencyKey) byKey.set(e.idempotencyKey, (byKey.get(e.idempotencyKey) ?? 0) + 1);
  const ids = new Set(entries.map((e) => e.id));
  const chain = await auditVerifyOnline(server.url, key);
  console.log(`${next} checks sent, ${answered.size} answered 200, ${entries.length} check entries of this caller`);
  expect(
    lost.length === 0 && answered.size === next,
    `every check answered 200 (${lost.length} lost${lost.length ? `: ${lost.slice(0, 3).join('; ')}` : ''})`,
    failures,
  );
  expect(
    [...answered.values()].every((id) => ids.has(id)) && [...byKey.values()].every((n) => n === 1),
    `every answered check audited exactly once (${byKey.size} keys for ${answered.size} checks)`,
    failures,
  );
  expect(chain.valid, `audit chain valid (${chain.entries} entries)`, failures);

  const t0 = Date.now();
  server.proc.kill('SIGTERM');
  const exit = await server.exited;
  const left = replaced.filter(alive);
  expect(
    exit.code === 0 && left.length === 0,
    `SIGTERM: primary exit ${exit.code ?? exit.signal} after ${Date.now() - t0} ms, workers left running: ${left.length}`,
    failures,
  );
  for (const pid of left) process.kill(pid, 'SIGKILL');
  if (failures.length) {
    console.error(`FAILED:\n- ${failures.join('\n- ')}\n${server.log.slice(-20).join('\n')}`);
    process.exit(1);
  }
  console.log('workers test passed');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
