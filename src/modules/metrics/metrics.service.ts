import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { AuditOutboxSweeper } from '../audit/audit-outbox.sweeper';
import { AuditService } from '../audit/audit.service';
import { ChecksService } from '../checks/checks.service';
import { PacksService } from '../packs/packs.service';
import { JobsService } from '../jobs/jobs.service';
import { JobsRetention } from '../jobs/jobs-retention';
import { WebhookRetention } from '../webhooks/webhook-retention';

/** Latency buckets in seconds: the check API answers in milliseconds, imports and batch runs in seconds. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const BATCH_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500];

/** The pg pool behind TypeORM's PostgreSQL driver (its counters are public on pg.Pool). */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Prometheus metrics (监控指标) of this instance, in a registry of its own (several applications can live in
 * one process: the tests). Counted as things happen: HTTP requests per route and status with their latency,
 * checks per scenario and verdict, audit batches (size, commit time, failures). Read at scrape time: the
 * audit outbox depth, the rule-pack versions in force, the database pool, Node's own process metrics.
 */
@Injectable()
export class MetricsService implements OnModuleInit, OnModuleDestroy {
  readonly registry = new Registry();
  private readonly subscriptions: Subscription[] = [];
  private readonly http = new Histogram({
    name: 'credit_http_request_duration_seconds',
    help: 'HTTP requests by method, route (pattern) and status code, with their latency',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly checks = new Counter({
    name: 'credit_checks_total',
    help: 'Checks answered (逢办必查), by scenario and overall verdict; replays of an Idempotency-Key excluded',
    labelNames: ['scenario', 'verdict'],
    registers: [this.registry],
  });
  private readonly auditBatchSize = new Histogram({
    name: 'credit_audit_batch_size',
    help: 'Entries per committed audit batch (group commit)',
    buckets: BATCH_BUCKETS,
    registers: [this.registry],
  });
  private readonly auditCommit = new Histogram({
    name: 'credit_audit_batch_commit_seconds',
    help: 'Time to commit one audit batch',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly auditFailed = new Counter({
    name: 'credit_audit_batches_failed_total',
    help: 'Audit batches that failed (each waiter answered 503)',
    registers: [this.registry],
  });
  private readonly pruned = new Counter({
    name: 'credit_retention_deleted_rows_total',
    help: 'Rows deleted by the retention sweeps of this instance (保留期), by table: jobs, job_parts, webhook_events, webhook_deliveries',
    labelNames: ['table'],
    registers: [this.registry],
  });

  constructor(
    adapterHost: HttpAdapterHost,
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: AuditOutboxSweeper,
    private readonly packs: PacksService,
    private readonly checksService: ChecksService,
    private readonly jobs: JobsService,
    private readonly jobsRetention: JobsRetention,
    private readonly webhookRetention: WebhookRetention,
  ) {
    this.hookHttp(adapterHost.httpAdapter.getInstance<FastifyInstance>());
    collectDefaultMetrics({ register: this.registry, prefix: 'credit_' });
    this.scrapedGauges();
  }

  onModuleInit(): void {
    this.subscriptions.push(
      this.checksService.answered$.subscribe(({ scenario, verdict }) => this.checks.inc({ scenario, verdict })),
    );
    this.audit.onBatch(({ size, seconds, ok }) => {
      if (!ok) return this.auditFailed.inc();
      this.auditBatchSize.observe(size);
      this.auditCommit.observe(seconds);
    });
    const pruned = (table: string, rows: number) => this.pruned.inc({ table }, rows);
    this.jobsRetention.onPruned(pruned);
    this.webhookRetention.onPruned(pruned);
  }

  onModuleDestroy(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    this.registry.clear();
  }

  /** The exposition text (Prometheus text format 0.0.4). */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: shortenFloats(await this.registry.metrics()) };
  }

  private hookHttp(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (req, reply, done) => {
      this.http.observe(
        { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }

  private scrapedGauges(): void {
    const { outbox, packs, ds, jobs } = this;
    new Gauge({
      name: 'credit_jobs',
      help: 'Background jobs (后台任务) queued and running, by kind and state (the job queue depth); absent when the database cannot be read',
      labelNames: ['kind', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const depth = await jobs.depth().catch(() => []);
        for (const { kind, state, n } of depth) this.set({ kind, state }, n);
      },
    });
    new Gauge({
      name: 'credit_audit_outbox_entries',
      help: 'Committed changes whose audit entry has not been chained yet (审计待记); -1 when the database cannot be read',
      registers: [this.registry],
      async collect() {
        this.set(
          await outbox.status().then(
            (s) => s.pendingEntries,
            () => -1,
          ),
        );
      },
    });
    new Gauge({
      name: 'credit_pack_version_info',
      help: 'Rule-pack versions in force on this instance (value 1), by pack and version',
      labelNames: ['pack', 'version'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [pack, version] of Object.entries(packs.versions())) this.set({ pack, version }, 1);
      },
    });
    new Gauge({
      name: 'credit_db_pool_connections',
      help: 'Database pool connections by state: total, idle, and requests waiting for one',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const pool = (ds.driver as unknown as { master?: PoolCounts }).master;
        if (!pool) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }
}

/**
 * Values to 12 significant digits (a histogram sum printed as 0.0123456789012345678): more than a dashboard
 * reads, and no value carries a run of 18 digits that a scan for resident ID numbers would stop at.
 */
function shortenFloats(text: string): string {
  return text.replace(/(?<=[ {,=])(\d+\.\d{13,})(?=[\s}",]|$)/gm, (m) => String(Number(Number(m).toPrecision(12))));
}
