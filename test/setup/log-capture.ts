/**
 * Jest `setupFilesAfterEnv`: every line the application logs (pino writes to `process.stdout` once its
 * `write` is replaced) goes to a file per worker under TEST_LOG_DIR, so that `log-global-teardown.ts`
 * can look for resident ID numbers across the whole suite. Each test file first writes a marker line
 * naming itself, so an offending line can be traced to the spec that produced it.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SPEC_MARKER } from './log-scan';

const dir = process.env.TEST_LOG_DIR;
if (dir) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `worker-${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}.log`);
  const spec = relative(process.cwd(), expect.getState().testPath ?? 'unknown');
  appendFileSync(file, `${JSON.stringify({ [SPEC_MARKER]: spec })}\n`);
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was afterwards; called with .call(process.stdout)
  const original = process.stdout.write;
  // Everything goes to the file; what is not a pino JSON line (console output, e.g. TypeORM's failed
  // queries, when Jest runs in band) also still reaches the terminal.
  const capture = function (this: unknown, chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    appendFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
    if (!text.startsWith('{"level":'))
      return (original as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
    const done = rest.find((r): r is () => void => typeof r === 'function');
    if (done) process.nextTick(done);
    return true;
  };
  process.stdout.write = capture;
  afterAll(() => {
    process.stdout.write = original;
  });
}
