/**
 * `npm run test:restart [-- --connections C]`: two instances of the real server on one PostgreSQL
 * database (DATABASE_URL), restarted one after the other with SIGTERM while a client sends checks. The
 * client sends each check with its own Idempotency-Key and, when an instance refuses the connection or
 * answers 503 (closing), sends it again to the other one. Asserts:
 *
 * - every check is eventually answered 200, and has exactly one audit entry (by id and idempotency key);
 * - no request is cut: a request an instance accepted is answered before it exits (SIGTERM drains
 *   in-flight checks and flushes the audit batches), and some requests were indeed in flight at SIGTERM;
 * - each instance exits 0 on SIGTERM and the chain is intact.
 */
import { commandLine } from '../../src/common/cli-command';
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
  sleep,
  startServer,
  type Server,
} from './harness';

const CLI = {
  name: 'test:restart',
  options: { connections: { type: 'integer', min: 1, default: 6, help: 'concurrent clients' } },
  notes: ['Needs DATABASE_URL: two instances share one PostgreSQL server.'],
} as const;

interface Attempt {
  instance: number;
  at: number;
  answeredAt: number;
  outcome: string;
}

async function main(): Promise<void> {
  const { connections } = commandLine(CLI).options;
  if (!process.env.DATABASE_URL) {
    console.error(
      'test:restart needs DATABASE_URL: two instances share one PostgreSQL server (the embedded database is one process)',
    );
    process.exit(2);
  }
  const env = baseEnv();
  const run = Date.now().toString(36);
  const caller = `restart-${run}`;
  const key = issueKey(env, caller);
  const auth = { authorization: `Bearer ${key}` };
  const ports = [await freePort(), await freePort()];
  const servers: Server[] = await Promise.all(ports.map((p) => startServer(env, p)));
  const codes = Array.from({ length: 20 }, () => freshCode());
  for (const code of codes.slice(0, 10))
    await call(servers[0].url, 'POST', '/api/v1/records/import', importBody(code, 2), auth);

  const failures: string[] = [];
  const attempts: Attempt[] = [];
  const answered = new Map<string, string>(); // idempotency key -> check id
  const lost: string[] = [];
  let next = 0;
  let running = true;

  async function one(i: number): Promise<void> {
    const idem = `${caller}-${i}`;
    let instance = i % 2;
    const deadline = Date.now() + 60_000;
    for (let tries = 0; Date.now() < deadline; tries++) {
      const a: Attempt = { instance, at: Date.now(), answeredAt: 0, outcome: '' };
      attempts.push(a);
      try {
        const r = await call(
          servers[instance].url,
          'POST',
          '/api/v1/checks',
          checkBody(codes, i),
          { ...auth, 'idempotency-key': idem },
          30_000,
        );
        a.answeredAt = Date.now();
        a.outcome = String(r.status);
        if (r.status === 200) {
          answered.set(idem, (r.body as { checkId: string }).checkId);
          return;
        }
        if (r.status !== 503) {
          lost.push(`${idem}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
          return;
        }
      } catch (err) {
        a.answeredAt = Date.now();
        a.outcome = err instanceof NoAnswer ? err.kind : 'error';
      }
      instance = 1 - instance; // the other instance
      if (tries % 2 === 1) await sleep(50); // both refused: one is restarting, the other not ready yet
    }
    lost.push(`${idem}: no 200 within 60 s`);
  }

  const workers = Array.from({ length: connections }, async () => {
    while (running) await one(next++);
  });

  const restarts: string[] = [];
  const sigterms: number[] = [];
  await sleep(2000);
  for (const n of [0, 1]) {
    // A slow request (the chain walk) on a kept-alive connection (fetch keeps it open) in flight at the
    // SIGTERM: it must be answered, and its connection, idle afterwards, must not hold the shutdown.
    // Its failure is caught at once (not when awaited after the exit): a reset before then was an unhandled
    // rejection that ended the whole script instead of failing this one assertion. Sent 30 ms before the
    // SIGTERM: a longer lead keeps the event loop busy with the chain walk while checks wait unread in the
    // listen backlog, and the close then resets them (measured: 1 run in 3 failed with 150 ms).
    const slow = fetch(`${servers[n].url}/api/v1/audit/verify`, { headers: auth })
      .then(async (r) => ({ status: r.status, at: Date.now(), body: await r.text() }))
      .catch((e: Error) => ({
        status: 0,
        at: 0,
        body: `${e.message}${e.cause instanceof Error ? `: ${e.cause.message}` : ''}`,
      }));
    await sleep(30);
    const t0 = Date.now();
    sigterms[n] = t0;
    servers[n].proc.kill('SIGTERM');
    const exit = await servers[n].exited;
    const drainMs = Date.now() - t0;
    const kept = await slow;
    expect(
      kept.status === 200,
      `instance ${n}: a kept-alive request in flight at SIGTERM answered ${kept.status} (${kept.at ? `${kept.at - t0} ms after SIGTERM` : kept.body})`,
      failures,
    );
    const afterLast = kept.at ? t0 + drainMs - kept.at : drainMs;
    expect(
      exit.code === 0 && afterLast < 5000,
      `instance ${n}: exit ${exit.code ?? exit.signal} on SIGTERM after ${drainMs} ms, ${afterLast} ms after the kept-alive request was answered (limit 5 s)`,
      failures,
    );
    servers[n] = await startServer(env, ports[n]);
    restarts.push(`instance ${n}: stopped in ${drainMs} ms, ready again ${Date.now() - t0} ms after SIGTERM`);
    await sleep(1500);
  }
  running = false;
  await Promise.all(workers);

  const entries = (await auditEntriesOf(servers[0].url, key, caller)).filter((e) => e.kind === 'check');
  const byId = new Set(entries.map((e) => e.id));
  const keys = new Map<string, number>();
  for (const e of entries) if (e.idempotencyKey) keys.set(e.idempotencyKey, (keys.get(e.idempotencyKey) ?? 0) + 1);
  const unaudited = [...answered.values()].filter((id) => !byId.has(id));
  const duplicated = [...keys.values()].filter((c) => c > 1).length;
  const chain = await auditVerifyOnline(servers[0].url, key);
  // Requests an instance had accepted when it got SIGTERM, answered by that instance afterwards.
  const drained = attempts.filter(
    (a) => a.outcome === '200' && a.at < sigterms[a.instance] && a.answeredAt > sigterms[a.instance],
  ).length;
  const outcomes = new Map<string, number>();
  for (const a of attempts) outcomes.set(a.outcome, (outcomes.get(a.outcome) ?? 0) + 1);
  // A request sent to an instance before its SIGTERM must be answered (drained); one cut instead is a
  // drain failure. A connection made after the SIGTERM can still be reset by the kernel: it was waiting in
  // the listen backlog when the listener closed and the server never accepted it (retried, never lost).
  // A request sent in the last moment before the SIGTERM on a kept-alive connection can still meet the
  // HTTP/1.1 keep-alive race: the server closes the connection as idle while the request is on the wire
  // (it never reached a handler; the client retries it with its Idempotency-Key, and the checks above prove
  // it was answered once). Only a request sent RACE_MS or more before the SIGTERM, surely read by then, and
  // cut counts as a drain failure.
  const RACE_MS = 50;
  const cutInFlight = attempts.filter((a) => a.outcome === 'cut' && a.at <= sigterms[a.instance] - RACE_MS).length;
  const cutAtClose = attempts
    .filter((a) => a.outcome === 'cut' && a.at > sigterms[a.instance] - RACE_MS)
    .map((a) => `${a.at - sigterms[a.instance]} ms`);

  for (const r of restarts) console.log(r);
  console.log(
    `${next} checks sent, ${answered.size} answered 200; ${attempts.length} attempts (${[...outcomes].map(([k, v]) => `${k}×${v}`).join(' ')}); ` +
      `${drained} in flight at a SIGTERM and answered 200 by the stopping instance; ${entries.length} check entries of this caller`,
  );
  expect(
    lost.length === 0 && answered.size === next,
    `every check eventually answered 200 (${lost.length} lost${lost.length ? `: ${lost.slice(0, 3).join('; ')}` : ''})`,
    failures,
  );
  expect(
    unaudited.length === 0,
    `every check answered 200 has its audit entry (${unaudited.length} missing)`,
    failures,
  );
  expect(
    duplicated === 0 && keys.size === answered.size,
    `one entry per check: ${keys.size} idempotency keys recorded for ${answered.size} checks, ${duplicated} recorded twice`,
    failures,
  );
  expect(
    cutInFlight === 0,
    `no request in flight at SIGTERM cut (${cutInFlight}); connections reset at the close (listen backlog or keep-alive race), retried: ${cutAtClose.length} (${cutAtClose.join(', ') || 'none'}, relative to SIGTERM)`,
    failures,
  );
  expect(drained > 0, `requests in flight at SIGTERM were drained, not dropped (${drained})`, failures);
  expect(chain.valid, `audit chain valid (${chain.entries} entries)`, failures);

  for (const s of servers) s.proc.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.exited));
  if (failures.length) {
    console.error(`restart test FAILED: ${failures.length} assertion(s)`);
    process.exit(1);
  }
  console.log('restart test passed');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
