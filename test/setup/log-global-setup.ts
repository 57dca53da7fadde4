import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import globalSetup from './global-setup';

const RUNS = resolve('.test-logs');
const KEEP_MS = 24 * 3600_000;

/**
 * The suite's global setup plus log capture: a fresh TEST_LOG_DIR for this run (default
 * `.test-logs/run-<time>-<pid>/`, gitignored; runs older than a day are removed; several runs may share
 * the working tree at once) and a log level that logs every request (TEST_LOG_LEVEL, default info),
 * inherited by the workers. `TEST_LOG_DIR=` (empty) turns capture off.
 */
export default async function logGlobalSetup(): Promise<void> {
  if (process.env.TEST_LOG_DIR !== '') {
    mkdirSync(RUNS, { recursive: true });
    // "Now" as the file system tells it, not Date.now(): a run under a moved clock (faketime +400 days in CI, beside
    // another run) would otherwise take every other run's folder for a year old and remove it under that run.
    const probe = join(RUNS, '.now');
    writeFileSync(probe, '');
    const now = statSync(probe).mtimeMs;
    for (const old of readdirSync(RUNS)) {
      const path = join(RUNS, old);
      if (old.startsWith('run-') && now - statSync(path).mtimeMs > KEEP_MS)
        rmSync(path, { recursive: true, force: true });
    }
    const dir = resolve(
      process.env.TEST_LOG_DIR ?? join(RUNS, `run-${new Date().toISOString().replace(/[:.]/g, '')}-${process.pid}`),
    );
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    process.env.TEST_LOG_DIR = dir;
    process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL || 'info';
  }
  await globalSetup();
}
