import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { PendingAudit } from '../audit/audit-outbox';
import { AuditService } from '../audit/audit.service';
import { subjectIdsIn } from '../audit/audited.interceptor';
import { JobsService } from '../jobs/jobs.service';
import type { JobContext, JobPart, JobView } from '../jobs/job.types';
import { parseImportBody } from './import-body';
import { MAX_IMPORT_ROWS, type ImportFormat, type IncomingRow } from './import-parse';
import type { RowReport } from './record-ingest';
import { RecordsService, type ImportReport, type ImportTotals } from './records.service';

/**
 * Rows per part of an import job: one call of the import (RecordsService.ingestBatch, at most MAX_IMPORT_ROWS), one
 * progress step, one audit entry, one re-tiering of the subjects it changed. Parts of 1,000 ran 2.4× slower end to
 * end (20,000 rows: 107 s against 44 s): each part's re-tiering competed with the next part for the database.
 */
export const IMPORT_JOB_PART_ROWS = MAX_IMPORT_ROWS;

interface ImportJobParams {
  readonly format: ImportFormat;
  readonly rows: number;
  /** The audit entry of the request that queued the job. */
  readonly requestEntryId: string | null;
  readonly operator: string | null;
}

export type ImportAnswer =
  { readonly queued: false; readonly report: ImportReport } | { readonly queued: true; readonly job: JobView };

/**
 * Imports of more rows than one request imports at once (MAX_IMPORT_ROWS, 5,000; at most MAX_IMPORT_JOB_ROWS)
 * as a background job (后台任务, records.import): the rows are stored with the job in parts of
 * IMPORT_JOB_PART_ROWS, and the job runs the same import on each part in turn, storing each part's per-row
 * report (GET /api/v1/jobs/{id}/result) and its audit entry (record.import, naming the job) as it goes. A
 * retried job goes on after the last part whose report it stored (a part it had imported without storing the
 * report is imported again: its rows then say "unchanged").
 */
@Injectable()
export class ImportJobs implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly records: RecordsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<ImportJobParams>({
      kind: 'records.import',
      scope: 'records',
      hasResult: true,
      run: (ctx) => this.run(ctx),
    });
  }

  /** An import request: imported now (at most MAX_IMPORT_ROWS rows), or queued as a job. */
  async importBody(
    contentType: string | undefined,
    body: unknown,
    audit: PendingAudit | undefined,
  ): Promise<ImportAnswer> {
    const { rows, format } = await parseImportBody(contentType, body);
    if (rows.length <= MAX_IMPORT_ROWS)
      return { queued: false, report: await this.records.ingestBatch(rows, format, audit) };
    const input: JobPart<IncomingRow>[] = [];
    for (let i = 0; i < rows.length; i += IMPORT_JOB_PART_ROWS) {
      const items = rows.slice(i, i + IMPORT_JOB_PART_ROWS);
      input.push({ seq: input.length, firstRow: items[0].row, items });
    }
    const params: ImportJobParams = {
      format,
      rows: rows.length,
      requestEntryId: audit?.entryId ?? null,
      operator: audit?.operator ?? null,
    };
    const job = await this.jobs.enqueue({
      kind: 'records.import',
      params: { ...params },
      caller: audit?.caller ?? null,
      total: rows.length,
      input,
    });
    return { queued: true, job };
  }

  private async run(ctx: JobContext<ImportJobParams>): Promise<Record<string, unknown>> {
    const { format } = ctx.params;
    const stored = await ctx.storedResultParts();
    const totals = { rows: 0, stored: 0, unchanged: 0, updated: 0, refused: 0 };
    for await (const part of ctx.inputParts<IncomingRow>()) {
      let reports: readonly RowReport[];
      if (stored.has(part.seq)) reports = await this.storedReport(ctx, part.seq);
      else reports = await this.importPart(ctx, part);
      for (const r of reports) totals[r.status]++;
      totals.rows += reports.length;
      await ctx.progress(totals.rows);
    }
    return { format, totals: totals satisfies ImportTotals };
  }

  private async importPart(
    ctx: JobContext<ImportJobParams>,
    part: JobPart<IncomingRow>,
  ): Promise<readonly RowReport[]> {
    const last = part.items[part.items.length - 1].row;
    const pending: PendingAudit = {
      entryId: randomUUID(),
      kind: 'record.import',
      caller: ctx.caller,
      operator: ctx.params.operator,
      request: { job: ctx.id, rows: `${part.firstRow}-${last}`, requestEntry: ctx.params.requestEntryId },
    };
    const report = await this.records.ingestBatch(part.items, ctx.params.format, pending);
    await ctx.saveResultPart({ seq: part.seq, firstRow: part.firstRow, items: [...report.rows] });
    await this.audit.append({
      id: pending.entryId,
      kind: pending.kind,
      caller: pending.caller,
      operator: pending.operator,
      subjectIds: subjectIdsIn(report),
      request: pending.request,
      response: { job: ctx.id, ...report },
    });
    return report.rows;
  }

  private async storedReport(ctx: JobContext<ImportJobParams>, seq: number): Promise<readonly RowReport[]> {
    for await (const part of ctx.resultParts<RowReport>()) if (part.seq === seq) return part.items;
    return [];
  }
}
