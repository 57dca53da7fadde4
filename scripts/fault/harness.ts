import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usccCheckChar, USCC_ALPHABET } from '../../src/common/identifiers/uscc';

/**
 * What the fault scripts (crash, restart, soak) share: the real server started as a child process
 * (`node dist/src/main.js` with PORT and DATABASE_URL, or the embedded database in DATA_DIR), an API key
 * issued with `scripts/keys.js`, a plain HTTP client without keep-alive (so that a refused connection
 * and a request cut in the middle can be told apart), check and import bodies, and reading back the
 * audit trail through the API.
 */
export const ROOT = join(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const SCRIPTS = join(ROOT, 'dist', 'scripts');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** The environment of every server and script: DATABASE_URL (a server) or a temporary DATA_DIR (embedded). */
export function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', ...extra };
  env.ID_HASH_KEY ??= 'fault-test-id-hash-key-0123456789abcdef01234567';
  if (!env.DATABASE_URL) env.DATA_DIR ??= mkdtempSync(join(tmpdir(), 'cse-fault-'));
  return env;
}

/** Remove the temporary data folder baseEnv made (never one the caller gave). */
export function cleanup(env: NodeJS.ProcessEnv): void {
  if (!process.env.DATA_DIR && !env.DATABASE_URL && env.DATA_DIR?.startsWith(join(tmpdir(), 'cse-fault-')))
    rmSync(env.DATA_DIR, { recursive: true, force: true });
}

/** An admin API key for this run (the schema is migrated first; on the embedded database, while no server runs). */
export function issueKey(env: NodeJS.ProcessEnv, name: string): string {
  return execFileSync(
    process.execPath,
    [join(SCRIPTS, 'keys.js'), 'create', '--name', name, '--scopes', 'admin', '--scenarios', '*'],
    {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  ).trim();
}

/** `npm run audit:verify`'s script on the run's database: exit code and report. */
export function auditVerifyOffline(env: NodeJS.ProcessEnv): {
  code: number;
  report: { valid: boolean; entries: number } | null;
} {
  try {
    const out = execFileSync(process.execPath, [join(SCRIPTS, 'audit-verify.js')], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, report: JSON.parse(out) as { valid: boolean; entries: number } };
  } catch (err) {
    const e = err as { status?: number; stdout?: string };
    let report = null;
    try {
      report = JSON.parse(e.stdout ?? '') as { valid: boolean; entries: number };
    } catch {
      /* no report */
    }
    return { code: e.status ?? 2, report };
  }
}

export interface Server {
  readonly proc: ChildProcess;
  readonly port: number;
  readonly url: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Lines the server printed (stdout and stderr), for a report when it misbehaves. */
  readonly log: string[];
}

/** Start `node dist/src/main.js` and wait until /health/ready answers 200. */
export async function startServer(
  env: NodeJS.ProcessEnv,
  port: number,
  opts: { nodeArgs?: string[]; logFile?: string } = {},
): Promise<Server> {
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), MAIN], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const file = opts.logFile ? createWriteStream(opts.logFile, { flags: 'a' }) : undefined;
  const keep = (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (line) log.push(line.slice(0, 2000));
    if (log.length > 2000) log.splice(0, log.length - 2000);
    file?.write(d);
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    proc.once('exit', (code, signal) => r({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`server on port ${port} exited before it was ready:\n${log.slice(-30).join('\n')}`);
    if (Date.now() > deadline)
      throw new Error(`server on port ${port} not ready after 120 s:\n${log.slice(-30).join('\n')}`);
    const r = await call(url, 'GET', '/health/ready').catch(() => null);
    if (r?.status === 200) return { proc, port, url, exited, log };
    await sleep(250);
  }
}

export interface Answer {
  status: number;
  body: unknown;
}

/** Why a request got no HTTP answer: never connected (refused), or cut after it was sent. */
export class NoAnswer extends Error {
  constructor(
    readonly kind: 'refused' | 'cut' | 'timeout',
    message: string,
  ) {
    super(message);
  }
}

const agent = new Agent({ keepAlive: false });

/** One HTTP request on a fresh connection (no keep-alive), JSON in and out. */
export function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = request(
      base + path,
      {
        method,
        agent,
        headers: {
          ...(payload !== undefined
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(new NoAnswer('cut', e.message)));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            /* keep the text */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new NoAnswer('timeout', `no answer in ${timeoutMs} ms`)));
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e instanceof NoAnswer) return reject(e);
      reject(new NoAnswer(e.code === 'ECONNREFUSED' ? 'refused' : 'cut', `${e.code ?? ''} ${e.message}`));
    });
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** A valid unified social credit code (法人, region 350200) that no one else uses. */
export function freshCode(): string {
  const bytes = randomBytes(9);
  const body = `91350200${[...bytes].map((b) => USCC_ALPHABET[b % USCC_ALPHABET.length]).join('')}`;
  return body + usccCheckChar(body);
}

const SCENARIOS = ['tendering', 'government_procurement', 'financing', 'government_funds'];

export function checkBody(codes: readonly string[], i: number): Record<string, unknown> {
  return {
    scenario: SCENARIOS[i % SCENARIOS.length],
    transaction: { reference: `FAULT-${i}`, amount: 100000 + i },
    parties: [0, 1].map((k) => ({ code: codes[(i * 2 + k) % codes.length], role: 'bidder' })),
  };
}

/** An import of `rows` penalty records, all for one subject (`code`), each decision number new. */
export function importBody(
  code: string,
  rows: number,
  tag = randomUUID().slice(0, 8),
): { records: Array<Record<string, unknown>> } {
  return {
    records: Array.from({ length: rows }, (_, k) => ({
      type: 'penalty',
      source: '厦门市市场监督管理局',
      decisionNumber: `厦市监处罚〔2026〕${tag}-${k}号`,
      subjectName: `故障测试公司${code.slice(8, 12)}`,
      subjectCode: code,
      industry: 'food_drug',
      sector: 'food',
      severity: k % 3 === 0 ? 'serious' : 'general',
      penaltyTypes: ['fine'],
      fineAmount: 1 + k,
      decisionDate: '2026-03-10',
      violationType: '生产经营不符合食品安全标准的食品',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
      authority: '厦门市市场监督管理局',
    })),
  };
}

/** The audit entry of an import records the SHA-256 of the body as the server parsed it. */
export const bodySha256 = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

export interface ExportedEntry {
  id: string;
  seq: number;
  kind: string;
  caller: string | null;
  idempotencyKey?: string | null;
  request?: { bodySha256?: string; interrupted?: boolean } | null;
}

/** Every audit entry of one caller, read back through GET /api/v1/audit/export (JSON Lines). */
export async function auditEntriesOf(base: string, key: string, caller: string): Promise<ExportedEntry[]> {
  const res = await fetch(`${base}/api/v1/audit/export?caller=${encodeURIComponent(caller)}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  if (res.status !== 200) throw new Error(`audit export answered ${res.status}: ${await res.text()}`);
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ExportedEntry);
}

/** GET /api/v1/audit/verify on a running server. */
export async function auditVerifyOnline(base: string, key: string): Promise<{ valid: boolean; entries: number }> {
  const r = await call(base, 'GET', '/api/v1/audit/verify', undefined, { authorization: `Bearer ${key}` }, 300_000);
  if (r.status !== 200) throw new Error(`audit verify answered ${r.status}`);
  return r.body as { valid: boolean; entries: number };
}

/** Records of a subject known by code (every record, ended or not); 0 when the subject was never registered. */
export async function recordsOfCode(base: string, key: string, code: string): Promise<number> {
  const auth = { authorization: `Bearer ${key}` };
  const s = await call(base, 'GET', `/api/v1/subjects?code=${code}`, undefined, auth);
  if (s.status !== 200) throw new Error(`subject lookup answered ${s.status}`);
  const items = (s.body as { items: Array<{ id: string }> }).items;
  if (!items.length) return 0;
  const r = await call(base, 'GET', `/api/v1/subjects/${items[0].id}/records?includeEnded=true`, undefined, auth);
  if (r.status !== 200) throw new Error(`records lookup answered ${r.status}`);
  return (r.body as { records: unknown[] }).records.length;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function expect(ok: boolean, what: string, failures: string[]): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}
