import cluster, { type Worker } from 'node:cluster';

/**
 * Several processes serving one port on one machine (多进程, `WORKERS`): the primary forks the workers and keeps
 * them running; each worker is a whole instance (`main.ts` as with one process), and node:cluster hands the
 * port's connections round robin to them. One Node process runs JavaScript on one core: on a machine with more,
 * this is what uses them, like several replicas behind a balancer but on one port. The workers share nothing but
 * the database, exactly as replicas do (docs/scaling.md): the audit chain is serialised across them by its lock,
 * rule packs reload on each, the kept credit state of each is told of changes by NOTIFY.
 *
 * A worker that dies is forked again after a second; one that cannot start (it dies within `START_GRACE_MS`)
 * RESTART_LIMIT times in a row ends the primary with exit code 1, rather than forking forever. SIGTERM or SIGINT is
 * passed to every worker, which shuts down gracefully (main.ts); the primary exits once all have.
 */
export const START_GRACE_MS = 10_000;
export const RESTART_LIMIT = 5;

interface Log {
  log(message: string): void;
  error(message: string): void;
}

export function runPrimary(workers: number, log: Log): void {
  let stopping = false;
  let exitCode = 0;
  let failedStarts = 0;
  const startedAt = new Map<number, number>();
  const fork = (): Worker => {
    const w = cluster.fork();
    startedAt.set(w.id, Date.now());
    return w;
  };
  cluster.on('exit', (w, code, signal) => {
    const lived = Date.now() - (startedAt.get(w.id) ?? 0);
    startedAt.delete(w.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    failedStarts = lived < START_GRACE_MS ? failedStarts + 1 : 0;
    log.error(`worker ${w.process.pid} ended (${signal ?? `exit code ${code}`}) after ${lived} ms`);
    if (failedStarts >= RESTART_LIMIT) {
      log.error(`${failedStarts} workers in a row ended within ${START_GRACE_MS} ms of starting: stopping`);
      stopping = true;
      exitCode = 1;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    // Not unref'd: with every worker gone, this timer is what keeps the primary alive until the next fork.
    setTimeout(() => {
      if (!stopping) fork();
    }, 1000);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal} received: stopping ${Object.keys(cluster.workers ?? {}).length} workers`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  log.log(`starting ${workers} workers on one port`);
  for (let i = 0; i < workers; i++) fork();
}

/** The first worker (or a single process): the one that does what must be done once per start (demo data). */
export function isFirstWorker(): boolean {
  return cluster.isPrimary || cluster.worker?.id === 1;
}
