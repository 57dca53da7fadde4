import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { scrubIdNumbers } from '../../common/pii';
import { ValidationFailed } from '../../common/problem';
import { inForceAt, type FactRecord } from '../../rules/facts';
import type { SubjectRef } from '../subjects/subjects.types';
import { SubjectsService } from '../subjects/subjects.service';
import { isCalendarDate } from '../../common/calendar-date';
import { MAX_IMPORT_ROWS, type ImportFormat, type IncomingRow } from './import-parse';
import { parseImportBody } from './import-body';
import { RecordIngest, type RowReport, type RowStatus } from './record-ingest';
import { toCitation, toFactRecord, toView, type RecordCitation, type RecordRow, type RecordView } from './record.view';
import { RecordAlreadyRevoked, RecordNotFound } from './records.exception';
import { RecordsStore, type CommitmentSettlement } from './records.store';
import type { Queryable } from '../../common/queryable';
import type { PendingAudit } from '../audit/audit-outbox';
import { stageAuditChange } from '../audit/audit.store';
import { isUuid } from '../../common/uuid';

export interface RecordsChange {
  readonly subjectIds: string[];
  /** 'ingest' (one record), 'import' (bulk), 'revoke', 'repair' or 'commitment' (an outcome recorded). */
  readonly reason: string;
}
export interface IngestOneResult {
  readonly status: Exclude<RowStatus, 'refused'>;
  readonly record: RecordView;
}
export interface ImportTotals {
  readonly rows: number;
  readonly stored: number;
  readonly unchanged: number;
  readonly updated: number;
  readonly refused: number;
}
export interface ImportReport {
  readonly format: ImportFormat;
  readonly totals: ImportTotals;
  readonly rows: readonly RowReport[];
}
export interface SubjectRecords {
  readonly subject: SubjectRef;
  readonly asOf: string | null;
  readonly includeEnded: boolean;
  readonly records: RecordView[];
}
/** A subject's records in force at a date as listed, and the facts tiering takes from the same rows. */
export interface SubjectRecordsInForce extends SubjectRecords {
  readonly asOf: string;
  readonly facts: FactRecord[];
}

/** decision date, then id, ascending: the order of recordsInForceFor (ORDER BY decision_date, id). */
const byDecisionThenId = (a: RecordRow, b: RecordRow): number =>
  a.decision_date !== b.decision_date
    ? a.decision_date < b.decision_date
      ? -1
      : 1
    : a.id < b.id
      ? -1
      : a.id > b.id
        ? 1
        : 0;

function assertDate(field: string, v: string | undefined): void {
  if (v !== undefined && !isCalendarDate(v))
    throw new ValidationFailed([{ field, reason: 'must be a real calendar date written YYYY-MM-DD' }]);
}

/**
 * Credit records (信用记录): ingest one or many (idempotent on source + decision number), the records
 * in force at a date for many subjects at once (tiering), revocation, and a stream of changes that
 * other modules subscribe to.
 */
@Injectable()
export class RecordsService implements OnModuleDestroy {
  private readonly changes = new Subject<RecordsChange>();
  /** Emitted after each committed ingest, import (once, all changed subjects) or revoke that changed something. */
  readonly changes$: Observable<RecordsChange> = this.changes.asObservable();

  constructor(
    private readonly store: RecordsStore,
    private readonly ingest: RecordIngest,
    private readonly subjects: SubjectsService,
    private readonly clock: Clock,
  ) {}

  /** In the caller's transaction `m`: mark a record repaired from `on` (RecordsStore.markRepaired); null when it no longer qualifies. */
  markRepaired(m: Queryable, recordId: string, on: string): Promise<{ subjectId: string } | null> {
    return this.store.markRepaired(m, recordId, on);
  }

  /** In the caller's transaction `m`: settle a pending commitment record (RecordsStore.settleCommitment); false when it no longer qualifies. */
  settleCommitment(m: Queryable, o: CommitmentSettlement): Promise<boolean> {
    return this.store.settleCommitment(m, o);
  }

  /** In the caller's transaction `m`: void the repair of a record (RecordsStore.voidRepair); null when it is not repaired. */
  voidRepair(m: Queryable, recordId: string, details: Record<string, unknown>): Promise<{ subjectId: string } | null> {
    return this.store.voidRepair(m, recordId, details);
  }

  /** In the caller's transaction `m`: revoke (撤销) a record from `on` (RecordsStore.revoke); null when already revoked. */
  async revokeIn(m: EntityManager, recordId: string, on: string, reason: string): Promise<RecordView | null> {
    const row = await this.store.revoke(recordId, on, scrubIdNumbers(reason), m);
    return row ? toView(row, on) : null;
  }

  onModuleDestroy(): void {
    this.changes.complete();
  }

  /** One record; throws ValidationFailed (400) naming the fields when refused. */
  async ingestOne(dto: unknown, audit?: PendingAudit): Promise<IngestOneResult> {
    const [report] = await this.ingest.run(
      [{ row: 1, data: dto }],
      (ids) => this.changes.next({ subjectIds: ids, reason: 'ingest' }),
      audit,
    );
    if (report.status === 'refused' || !report.recordId) throw new ValidationFailed(report.errors ?? []);
    return { status: report.status, record: await this.get(report.recordId) };
  }

  /** Many records (at most 5,000): a report line per row, in order, with totals. */
  async ingestBatch(rows: readonly IncomingRow[], format: ImportFormat, audit?: PendingAudit): Promise<ImportReport> {
    if (rows.length > MAX_IMPORT_ROWS)
      throw new ValidationFailed([{ field: 'records', reason: `must contain at most ${MAX_IMPORT_ROWS} rows` }]);
    const reports = await this.ingest.run(
      rows,
      (ids) => this.changes.next({ subjectIds: ids, reason: 'import' }),
      audit,
    );
    const count = (s: RowStatus) => reports.filter((r) => r.status === s).length;
    const totals = {
      rows: reports.length,
      stored: count('stored'),
      unchanged: count('unchanged'),
      updated: count('updated'),
      refused: count('refused'),
    };
    return { format, totals, rows: reports };
  }

  /** An import request body: application/json `{"records": [...]}`, text/csv or .xlsx (at most MAX_IMPORT_ROWS rows here). */
  async importBody(contentType: string | undefined, body: unknown, audit?: PendingAudit): Promise<ImportReport> {
    const { rows, format } = await parseImportBody(contentType, body);
    return this.ingestBatch(rows, format, audit);
  }

  /** Records in force at `asOf` for many subjects, in one query (every id gets an entry, maybe empty). */
  async recordsInForceFor(subjectIds: readonly string[], asOf: string): Promise<Map<string, FactRecord[]>> {
    assertDate('asOf', asOf);
    const ids = [...new Set(subjectIds.filter((id) => isUuid(id)).map((id) => id.toLowerCase()))];
    const out = new Map<string, FactRecord[]>(ids.map((id) => [id, []]));
    for (const row of await this.store.inForceFor(ids, asOf)) {
      const f = toFactRecord(row);
      if (inForceAt(f, asOf)) out.get(row.subject_id)?.push(f);
    }
    return out;
  }

  /**
   * Records in force at `asOf` of the subjects whose id is in (afterId, lastId] — a batch's keyset page, read as
   * an index range — by subject id (subjects without records have no entry), in recordsInForceFor's order.
   */
  async recordsInForceInRange(
    afterId: string | null,
    lastId: string,
    asOf: string,
  ): Promise<Map<string, FactRecord[]>> {
    assertDate('asOf', asOf);
    const out = new Map<string, FactRecord[]>();
    for (const row of await this.store.factRowsInRange(afterId, lastId, asOf)) {
      const f = toFactRecord(row);
      if (!inForceAt(f, asOf)) continue;
      const list = out.get(row.subject_id);
      if (list) list.push(f);
      else out.set(row.subject_id, [f]);
    }
    return out;
  }

  /** As recordsInForceFor, with each record's citation (decision number, source, window) by record id. */
  async recordsInForceWithCitations(
    subjectIds: readonly string[],
    asOf: string,
  ): Promise<{ records: Map<string, FactRecord[]>; citations: Map<string, RecordCitation> }> {
    assertDate('asOf', asOf);
    const ids = [...new Set(subjectIds.filter((id) => isUuid(id)).map((id) => id.toLowerCase()))];
    const records = new Map<string, FactRecord[]>(ids.map((id) => [id, []]));
    const citations = new Map<string, RecordCitation>();
    for (const row of ids.length ? await this.store.inForceFor(ids, asOf) : []) {
      const f = toFactRecord(row);
      if (!inForceAt(f, asOf)) continue;
      records.get(row.subject_id)?.push(f);
      citations.set(row.id, toCitation(row));
    }
    return { records, citations };
  }

  /**
   * The penalties the procurement look-back may count whatever their publicity end (政府采购法 Art. 22(1)(5),
   * 3 years), per subject, with their citations: the checks pass them to deriveCheckFacts.
   */
  async procurementLookBack(
    subjectIds: readonly string[],
    asOf: string,
  ): Promise<{ records: Map<string, FactRecord[]>; citations: Map<string, RecordCitation> }> {
    assertDate('asOf', asOf);
    const ids = [...new Set(subjectIds.filter((id) => isUuid(id)).map((id) => id.toLowerCase()))];
    const records = new Map<string, FactRecord[]>(ids.map((id) => [id, []]));
    const citations = new Map<string, RecordCitation>();
    for (const row of ids.length ? await this.store.procurementLookBackFor(ids, asOf) : []) {
      records.get(row.subject_id)?.push(toFactRecord(row));
      citations.set(row.id, toCitation(row));
    }
    return { records, citations };
  }

  /** A subject's records: in force at `asOf` (default today), or with includeEnded every record decided by then. */
  async listForSubject(
    subjectId: string,
    opts: { asOf?: string; includeEnded?: boolean } = {},
  ): Promise<SubjectRecords> {
    assertDate('asOf', opts.asOf);
    const includeEnded = opts.includeEnded ?? false;
    const asOf = opts.asOf ?? (includeEnded ? null : this.clock.today());
    const { subject, rows } = await this.subjectRows(subjectId, asOf, includeEnded);
    return { subject, asOf, includeEnded, records: rows.map((r) => toView(r, asOf ?? this.clock.today())) };
  }

  /**
   * A subject's records in force at `asOf` as listForSubject lists them and, derived from the same single
   * read, the facts recordsInForceFor would give (same filter, same order): a record committed meanwhile
   * cannot be in one and not the other (the credit report lists the records and tiers from the facts).
   */
  async inForceForSubject(subjectId: string, asOf: string): Promise<SubjectRecordsInForce> {
    assertDate('asOf', asOf);
    const { subject, rows } = await this.subjectRows(subjectId, asOf, false);
    const facts = [...rows]
      .sort(byDecisionThenId)
      .map(toFactRecord)
      .filter((f) => inForceAt(f, asOf));
    return { subject, asOf, includeEnded: false, records: rows.map((r) => toView(r, asOf)), facts };
  }

  private async subjectRows(
    subjectId: string,
    asOf: string | null,
    includeEnded: boolean,
  ): Promise<{ subject: SubjectRef; rows: RecordRow[] }> {
    const s = await this.subjects.get(subjectId); // 404 when unknown
    const rows = await this.store.forSubject(s.id, asOf, includeEnded);
    return {
      subject: {
        id: s.id,
        kind: s.kind,
        name: s.name,
        code: s.code,
        idMasked: s.idMasked,
        region: s.region,
        registeredOn: s.registeredOn,
        industryCode: s.industryCode,
      },
      rows,
    };
  }

  async get(id: string): Promise<RecordView> {
    const row = isUuid(id) ? await this.store.findById(id) : null;
    if (!row) throw new RecordNotFound(isUuid(id) ? id : '(not a UUID)');
    return toView(row, this.clock.today());
  }

  /** Announce a change committed elsewhere in a transaction of its own (a repair approved, a commitment breached). */
  announce(change: RecordsChange): void {
    this.changes.next(change);
  }

  /** Revoke (撤销) a decision: the record stops counting from `revokedAt` (default today). */
  async revoke(id: string, input: { reason: string; revokedAt?: string }, audit?: PendingAudit): Promise<RecordView> {
    const today = this.clock.today();
    assertDate('revokedAt', input.revokedAt);
    if (input.revokedAt && input.revokedAt > today)
      throw new ValidationFailed([{ field: 'revokedAt', reason: `must not be in the future (today is ${today})` }]);
    const current = await this.get(id);
    if (current.revokedAt !== null) throw new RecordAlreadyRevoked(current.id, current.revokedAt);
    const revokedAt = input.revokedAt ?? today;
    if (revokedAt < current.decisionDate)
      throw new ValidationFailed([{ field: 'revokedAt', reason: 'must be on or after the decision date' }]);
    const reason = scrubIdNumbers(input.reason);
    const row = await this.store.ds.transaction(async (m) => {
      const revoked = await this.store.revoke(current.id, revokedAt, reason, m);
      if (revoked && audit)
        await stageAuditChange(m, audit, {
          subjectIds: [revoked.subject_id],
          change: { recordId: revoked.id, revokedAt, reason },
        });
      return revoked;
    });
    if (!row) throw new RecordAlreadyRevoked(current.id, null);
    this.changes.next({ subjectIds: [row.subject_id], reason: 'revoke' });
    return toView(row, today);
  }
}
