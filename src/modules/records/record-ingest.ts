import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { normaliseIdentifier } from '../../common/identifiers/normalise';
import { maskIdNumber, scrubIdNumbers } from '../../common/pii';
import type { FieldError } from '../../common/problem';
import { SubjectsService } from '../subjects/subjects.service';
import type { RecordRowDto } from './dto/record-row.dto';
import type { IncomingRow } from './import-parse';
import { normaliseRecord, type NormalisedRecord, type RecordColumns } from './record-normalise';
import { RunSubjects } from './record-subjects';
import { RecordsStore, type StoredKey } from './records.store';
import { checkRow } from './row-check';
import { rejectionOf } from './ingest-quality';
import { saveReceipts, saveRejections } from './record-intake.store';
import type { PendingAudit } from '../audit/audit-outbox';
import { stageAuditChange } from '../audit/audit.store';
import { stageEvents, type StagedEvent } from '../webhooks/webhooks.store';

export type RowStatus = 'stored' | 'unchanged' | 'updated' | 'refused';

export interface RowReport {
  readonly row: number;
  readonly line?: number;
  readonly status: RowStatus;
  readonly recordId?: string;
  readonly subjectId?: string;
  readonly decisionNumber?: string;
  /** The subject's code, or a natural person's ID number masked (never in full). */
  readonly subject?: string;
  readonly errors?: readonly FieldError[];
}

/** Rows per transaction. */
export const CHUNK_SIZE = 500;

interface Prepared {
  readonly at: number;
  readonly dto: RecordRowDto;
  readonly cols: NormalisedRecord;
  /** keyOf(cols), computed once. */
  readonly key: string;
}
const keyOf = (c: { source: string; decision_number: string }): string => JSON.stringify([c.source, c.decision_number]);

/** How a row is named in its report line: decision number and subject, an ID number masked. */
function label(data: unknown): Pick<RowReport, 'decisionNumber' | 'subject'> {
  const o = (data ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const decision = str(o.decisionNumber);
  const code = str(o.subjectCode);
  const id = str(o.subjectIdNumber);
  const subject =
    id !== undefined
      ? maskIdNumber(normaliseIdentifier(id))
      : code !== undefined
        ? scrubIdNumbers(code.slice(0, 32))
        : undefined;
  return {
    ...(decision ? { decisionNumber: scrubIdNumbers(decision.slice(0, 128)) } : {}),
    ...(subject ? { subject } : {}),
  };
}

/**
 * The import use case: validate every row, then per chunk of rows one transaction that upserts the
 * records on (source, decision_number). A row whose stored content hash is the same is 'unchanged' and
 * costs no write and no subject look-up; the others find or register their subject first. A refused
 * row stores no record and never blocks the others; it is kept in record_rejections for the data-quality
 * statistics (department, decision number, errors, time; an ID number only masked).
 */
@Injectable()
export class RecordIngest {
  constructor(
    private readonly store: RecordsStore,
    private readonly subjects: SubjectsService,
    private readonly clock: Clock,
  ) {}

  /**
   * `onCommitted` receives the subjects whose records changed, once, after the last commit (also when a
   * later chunk fails: what was committed is announced), so that listeners never compete with the
   * import's own transactions for the embedded database's single connection. With `audit` (the entry the
   * request will become), each chunk that writes leaves its outbox row in its own transaction.
   */
  async run(
    rows: readonly IncomingRow[],
    onCommitted: (subjectIds: string[]) => void,
    audit?: PendingAudit,
  ): Promise<RowReport[]> {
    const out: RowReport[] = [];
    const subjects = new RunSubjects(this.subjects);
    const changed = new Set<string>();
    try {
      for (let i = 0; i < rows.length; i += CHUNK_SIZE) {
        out.push(...(await this.chunk(rows.slice(i, i + CHUNK_SIZE), subjects, changed, audit)));
      }
    } finally {
      if (changed.size) onCommitted([...changed]);
    }
    return out;
  }

  private async chunk(
    rows: readonly IncomingRow[],
    subjects: RunSubjects,
    changed: Set<string>,
    audit: PendingAudit | undefined,
  ): Promise<RowReport[]> {
    const today = this.clock.today();
    const reports: RowReport[] = rows.map((r) => ({
      row: r.row,
      ...(r.line ? { line: r.line } : {}),
      ...label(r.data),
      status: 'refused',
    }));
    const valid: Prepared[] = [];
    rows.forEach((r, at) => {
      const check = checkRow(r.data, today);
      if (check.ok) {
        const cols = normaliseRecord(check.row, subjects.identity(check.row));
        valid.push({ at, dto: check.row, cols, key: keyOf(cols) });
      } else reports[at] = { ...reports[at], errors: check.errors };
    });
    const committed = new Set<string>();
    await this.store.ds.transaction(async (m) => {
      for (const pass of passes(valid)) await this.pass(m, pass, subjects, reports, committed);
      await this.keepForQuality(m, rows, valid, reports);
      if (audit) await stageWritten(m, audit, reports);
      await stageEvents(m, newListEntries(valid, reports));
    });
    committed.forEach((id) => changed.add(id));
    return reports;
  }

  /**
   * For the "双公示" statistics (src/modules/quality), in the chunk's transaction: each refused row is kept
   * (so that compliance counts it), and each accepted one's first receipt and reported subject name.
   */
  private async keepForQuality(
    m: EntityManager,
    rows: readonly IncomingRow[],
    valid: readonly Prepared[],
    reports: readonly RowReport[],
  ): Promise<void> {
    const at = this.clock.now();
    await saveRejections(
      m,
      reports.flatMap((r, i) =>
        r.status === 'refused' ? [rejectionOf(r.row, r.line, rows[i].data, r.errors ?? [])] : [],
      ),
      at,
    );
    await saveReceipts(
      m,
      valid.flatMap((p) => {
        const recordId = reports[p.at].recordId;
        if (!recordId) return [];
        return [
          {
            record_id: recordId,
            subject_code: p.dto.subjectCode ?? null,
            reported_name: p.dto.subjectCode ? p.dto.subjectName : null,
          },
        ];
      }),
      at,
    );
  }

  /** One statement's worth of rows, no key twice. */
  private async pass(
    m: EntityManager,
    pass: readonly Prepared[],
    subjects: RunSubjects,
    reports: RowReport[],
    changed: Set<string>,
  ): Promise<void> {
    const before = new Map(
      (
        await this.store.byKeys(
          m,
          pass.map((p) => p.cols),
        )
      ).map((k): [string, StoredKey] => [keyOf(k), k]),
    );
    const toWrite: (Prepared & { cols: RecordColumns })[] = [];
    const needSubject: Prepared[] = [];
    for (const p of pass) {
      const old = before.get(p.key);
      if (old && old.content_hash === p.cols.content_hash)
        reports[p.at] = { ...reports[p.at], status: 'unchanged', recordId: old.id, subjectId: old.subject_id };
      else needSubject.push(p);
    }
    // Subjects are found or registered in the order of their identity, not of the rows: two imports that
    // register the same new subjects then take their locks in the same order (no deadlock between them).
    const bySubject = [...needSubject].sort((a, b) => compare(subjects.identity(a.dto), subjects.identity(b.dto)));
    await subjects.resolveMany(
      m,
      bySubject.map((p) => p.dto),
    );
    for (const p of needSubject) {
      const subject = await subjects.resolve(m, p.dto); // remembered by the run: no second query
      if (typeof subject === 'string') toWrite.push({ ...p, cols: { ...p.cols, subject_id: subject } });
      else reports[p.at] = { ...reports[p.at], errors: subject };
    }
    const written = new Map(
      (
        await this.store.upsert(
          m,
          toWrite.map((p) => p.cols),
        )
      ).map((w) => [keyOf(w), w]),
    );
    // Only a concurrent import of the same content can leave a key neither written now nor stored before.
    const late = toWrite.filter((p) => !written.has(p.key) && !before.has(p.key)).map((p) => p.cols);
    for (const k of await this.store.byKeys(m, late)) before.set(keyOf(k), k);
    for (const p of toWrite) {
      const w = written.get(p.key);
      const old = before.get(p.key);
      if (w) changed.add(p.cols.subject_id);
      if (w && old) changed.add(old.subject_id); // a record moved to another subject changes both
      reports[p.at] = {
        ...reports[p.at],
        status: w ? (w.inserted ? 'stored' : 'updated') : 'unchanged',
        recordId: (w ?? old)?.id,
        subjectId: w ? p.cols.subject_id : old?.subject_id,
      };
    }
  }
}

/** Split rows so that no statement sees a key twice: the n-th occurrence of a key goes in pass n (file order kept). */
function passes(rows: readonly Prepared[]): Prepared[][] {
  const seen = new Map<string, number>();
  const out: Prepared[][] = [];
  for (const r of rows) {
    const n = seen.get(r.key) ?? 0;
    seen.set(r.key, n + 1);
    (out[n] ??= []).push(r);
  }
  // A stable order across concurrent imports makes row locks be taken in the same order (no deadlock).
  return out.map((p) => [...p].sort((a, b) => compare(a.key, b.key)));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A subject newly on a list (名单列入), announced to subscribed systems (list.entered) with the chunk. */
function newListEntries(valid: readonly Prepared[], reports: readonly RowReport[]): StagedEvent[] {
  return valid.flatMap(({ at, dto }) => {
    const r = reports[at];
    if (dto.type !== 'list_entry' || r.status !== 'stored') return [];
    const payload = {
      recordId: r.recordId,
      subjectId: r.subjectId,
      subject: r.subject ?? null,
      listType: dto.listType ?? null,
      decisionNumber: dto.decisionNumber,
      source: dto.source,
      decisionDate: dto.decisionDate,
      listEndDate: dto.listEndDate ?? null,
    };
    return [{ kind: 'list.entered' as const, payload }];
  });
}

/** The chunk's stored and updated rows, staged for the request's audit entry (nothing when none was written). */
async function stageWritten(m: EntityManager, audit: PendingAudit, reports: readonly RowReport[]): Promise<void> {
  const written = reports.filter((r) => r.status === 'stored' || r.status === 'updated');
  if (!written.length) return;
  await stageAuditChange(m, audit, {
    subjectIds: written.flatMap((r) => (r.subjectId ? [r.subjectId] : [])),
    change: {
      rows: written.map((r) => ({
        row: r.row,
        decisionNumber: r.decisionNumber ?? null,
        recordId: r.recordId,
        subjectId: r.subjectId,
        status: r.status,
      })),
    },
  });
}
