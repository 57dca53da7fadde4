/**
 * `npm run test:crash [-- --rounds R --seconds S --connections C --import-rows N]`: the real server under
 * load (checks, and record imports) killed with SIGKILL at a random moment, then restarted; asserts
 *
 * 1. every check the client saw answered 200 has its audit entry (by check id);
 * 2. the hash chain is intact (the API's verify on the restarted server, and `npm run audit:verify`'s
 *    script on the database once it is stopped);
 * 3. no import was half-applied. An import of at most 500 rows (record-ingest's CHUNK_SIZE) is one
 *    transaction, so each import here (N rows, all for one fresh subject) must have left all N records or
 *    none; an import answered 200 left all N and has its `record.import` audit entry (matched by the
 *    SHA-256 of its body).
 *
 * 4. every import whose records committed has its `record.import` entry, also one killed between the
 *    records' COMMIT and its entry (its client never saw a 200): the import's transaction staged the
 *    entry in the audit outbox, and the restarted server (AUDIT_OUTBOX_GRACE_MS=0: nothing else is in
 *    flight) chains it as an interrupted entry before it listens. The script counts these.
 *
 * DATABASE_URL: that PostgreSQL server (the schema is migrated, existing data is kept: only this run's
 * check ids, subjects and entries are looked at). Unset: the embedded database in a temporary DATA_DIR
 * (PGlite's files after a SIGKILL).
 */
import { commandLine, type OptionValues } from '../../src/common/cli-command';
import {
  auditEntriesOf,
  cleanup,
  auditVerifyOffline,
  auditVerifyOnline,
  baseEnv,
  bodySha256,
  call,
  checkBody,
  expect,
  freePort,
  freshCode,
  importBody,
  issueKey,
  NoAnswer,
  recordsOfCode,
  sleep,
  startServer,
  type Server,
} from './harness';

const CLI = {
  name: 'test:crash',
  options: {
    rounds: { type: 'integer', min: 1, default: 2, help: 'kill and restart rounds' },
    seconds: { type: 'number', above: 0, default: 8, help: 'seconds of load before the kill (at random)' },
    connections: { type: 'integer', min: 1, default: 8, help: 'concurrent clients' },
    'import-rows': { type: 'integer', min: 1, default: 50, help: 'rows per import' },
  },
} as const;
type Options = OptionValues<(typeof CLI)['options']>;

interface ImportTry {
  code: string;
  sha: string;
  status: number | 'none';
}

async function seed(base: string, auth: Record<string, string>): Promise<string[]> {
  const codes = Array.from({ length: 20 }, () => freshCode());
  for (const code of codes.slice(0, 10)) {
    const r = await call(base, 'POST', '/api/v1/records/import', importBody(code, 2), auth);
    if (r.status !== 200) throw new Error(`seeding answered ${r.status}: ${JSON.stringify(r.body)}`);
  }
  return codes;
}

async function round(
  opts: Options,
  n: number,
  env: NodeJS.ProcessEnv,
  key: string,
  caller: string,
  failures: string[],
): Promise<void> {
  const { seconds, connections, 'import-rows': importRows } = opts;
  const auth = { authorization: `Bearer ${key}` };
  const port = await freePort();
  let server: Server = await startServer(env, port);
  const codes = await seed(server.url, auth);

  const ok = new Set<string>();
  const statuses = new Map<string, number>();
  const imports: ImportTry[] = [];
  let sent = 0;
  let running = true;
  const count = (k: string) => statuses.set(k, (statuses.get(k) ?? 0) + 1);
  const started = Date.now();
  const checks = Array.from({ length: connections }, async () => {
    while (running) {
      const i = sent++;
      try {
        const r = await call(server.url, 'POST', '/api/v1/checks', checkBody(codes, i), auth, 30_000);
        count(String(r.status));
        if (r.status === 200) ok.add((r.body as { checkId: string }).checkId);
      } catch (err) {
        count(err instanceof NoAnswer ? err.kind : 'error');
        await sleep(20);
      }
    }
  });
  const importer = (async () => {
    while (running) {
      const code = freshCode();
      const body = importBody(code, importRows);
      const t: ImportTry = { code, sha: bodySha256(body), status: 'none' };
      imports.push(t);
      try {
        t.status = (await call(server.url, 'POST', '/api/v1/records/import', body, auth, 30_000)).status;
      } catch {
        t.status = 'none';
      }
      await sleep(50);
    }
  })();

  // A random moment in the second half of the run: the load is established, imports are in flight.
  const killAfter = Math.round(seconds * 1000 * (0.5 + Math.random() * 0.5));
  await sleep(killAfter);
  const answeredBefore = ok.size;
  server.proc.kill('SIGKILL');
  await server.exited;
  const killedAt = Date.now() - started;
  running = false;
  await Promise.all([...checks, importer]);

  server = await startServer({ ...env, AUDIT_OUTBOX_GRACE_MS: '0' }, port);
  const restartMs = Date.now() - started - killedAt;
  const entries = await auditEntriesOf(server.url, key, caller);
  const ids = new Set(entries.map((e) => e.id));
  const importEntries = new Set(entries.filter((e) => e.kind === 'record.import').map((e) => e.request?.bodySha256));
  const missing = [...ok].filter((id) => !ids.has(id));
  const online = await auditVerifyOnline(server.url, key);

  let half = 0;
  let answeredIncomplete = 0;
  let answeredUnaudited = 0;
  let committedUnanswered = 0;
  let committedUnansweredNoEntry = 0;
  let recoveredFromOutbox = 0;
  const interrupted = new Set(
    entries
      .filter((e) => e.kind === 'record.import' && e.request?.interrupted === true)
      .map((e) => e.request?.bodySha256),
  );
  for (const t of imports) {
    const stored = await recordsOfCode(server.url, key, t.code);
    if (stored !== 0 && stored !== importRows) half += 1;
    if (t.status === 200 && stored !== importRows) answeredIncomplete += 1;
    if (t.status === 200 && !importEntries.has(t.sha)) answeredUnaudited += 1;
    if (t.status !== 200 && stored === importRows) {
      committedUnanswered += 1;
      if (!importEntries.has(t.sha)) committedUnansweredNoEntry += 1;
      else if (interrupted.has(t.sha)) recoveredFromOutbox += 1;
    }
  }
  // A check after the restart: the service answers again.
  const after = await call(server.url, 'POST', '/api/v1/checks', checkBody(codes, sent), auth);
  server.proc.kill('SIGTERM');
  const exit = await server.exited;
  const offline = auditVerifyOffline(env);

  const byStatus = [...statuses].map(([k, v]) => `${k}×${v}`).join(' ');
  console.log(
    `round ${n}: killed at ${(killedAt / 1000).toFixed(1)} s after ${sent} checks sent (${answeredBefore} answered 200 before the kill; all answers: ${byStatus}); ` +
      `${imports.length} imports of ${importRows} rows (${imports.filter((t) => t.status === 200).length} answered 200); restarted in ${(restartMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `round ${n}: audit entries of this caller ${entries.length}; checks answered 200 ${ok.size}, found ${ok.size - missing.length}; chain ${online.valid ? 'valid' : 'BROKEN'} (${online.entries} entries); ` +
      `imports committed without an answer ${committedUnanswered} (entry chained from the outbox after the restart: ${recoveredFromOutbox}; without any entry: ${committedUnansweredNoEntry})`,
  );
  expect(
    missing.length === 0,
    `round ${n}: every check answered 200 has its audit entry (${missing.length} missing${missing.length ? `: ${missing.slice(0, 3).join(', ')}` : ''})`,
    failures,
  );
  expect(online.valid, `round ${n}: GET /api/v1/audit/verify after the restart: valid`, failures);
  expect(
    offline.code === 0 && offline.report?.valid === true,
    `round ${n}: audit-verify script on the stopped database: exit ${offline.code}, valid ${offline.report?.valid}, ${offline.report?.entries} entries`,
    failures,
  );
  expect(
    half === 0,
    `round ${n}: no import half-applied (each left 0 or ${importRows} records; ${half} did not)`,
    failures,
  );
  expect(
    answeredIncomplete === 0 && answeredUnaudited === 0,
    `round ${n}: every import answered 200 is complete (${answeredIncomplete} not) and audited (${answeredUnaudited} not)`,
    failures,
  );
  expect(
    committedUnansweredNoEntry === 0,
    `round ${n}: every import whose records committed has its entry, an interrupted one from the outbox included (${committedUnansweredNoEntry} without)`,
    failures,
  );
  expect(after.status === 200, `round ${n}: a check after the restart answers 200 (${after.status})`, failures);
  expect(
    exit.code === 0,
    `round ${n}: the restarted server stops on SIGTERM with exit 0 (${exit.code ?? exit.signal})`,
    failures,
  );
}

async function main(): Promise<void> {
  const opts = commandLine(CLI).options;
  const rounds = opts.rounds;
  const env = baseEnv();
  const caller = `crash-${Date.now()}`;
  const key = issueKey(env, caller);
  console.log(
    `crash test on ${env.DATABASE_URL ? 'the PostgreSQL server' : `the embedded database in ${env.DATA_DIR}`}: ${rounds} round(s)`,
  );
  const failures: string[] = [];
  for (let n = 1; n <= rounds; n++) await round(opts, n, env, key, caller, failures);
  cleanup(env);
  if (failures.length) {
    console.error(`crash test FAILED: ${failures.length} assertion(s)`);
    process.exit(1);
  }
  console.log('crash test passed');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
