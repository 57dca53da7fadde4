import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { maskIdNumber, scrubIdNumbers } from '../../common/pii';
import { FieldError, ValidationFailed } from '../../common/problem';
import { SubjectsService } from '../subjects/subjects.service';
import type { RecordRowDto } from './dto/record-row.dto';
import type { IncomingRow } from './import-parse';
import { normaliseRecord, type RecordColumns } from './record-normalise';
import { RecordsStore, type WrittenRow } from './records.store';
import { checkRow } from './row-check';

export type RowStatus = 'stored' | 'unchanged' | 'updated' | 'refused';

export interface RowReport {
  readonly row: number;
  readonly line?: number;
  readonly status: RowStatus;
  readonly recordId?: string;
  readonly decisionNumber?: string;
  /** The subject's code, or a natural person's ID number masked (never in full). */
  readonly subject?: string;
  readonly errors?: readonly FieldError[];
}

/** Rows per transaction. */
export const CHUNK_SIZE = 500;
const SUBJECT_FIELDS: Record<string, string> = {
  code: 'subjectCode', idNumber: 'subjectIdNumber', name: 'subjectName', kind: 'subjectKind', registeredOn: 'subjectRegisteredOn', region: 'subjectRegion',
};

type Resolved = { readonly at: number; readonly cols: RecordColumns };
const keyOf = (c: { source: string; decision_number: string }): string => JSON.stringify([c.source, c.decision_number]);

/** How a row is named in its report line: decision number and subject, an ID number masked. */
function label(data: unknown): Pick<RowReport, 'decisionNumber' | 'subject'> {
  const o = (data ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const decision = str(o.decisionNumber);
  const code = str(o.subjectCode);
  const id = str(o.subjectIdNumber);
  const subject = id !== undefined ? maskIdNumber(id.toUpperCase()) : code !== undefined ? scrubIdNumbers(code.slice(0, 32)) : undefined;
  return { ...(decision ? { decisionNumber: scrubIdNumbers(decision.slice(0, 128)) } : {}), ...(subject ? { subject } : {}) };
}

/**
 * The import use case: validate every row, then per chunk of rows one transaction that finds or
 * registers the subjects and upserts the records on (source, decision_number). A refused row stores
 * nothing and never blocks the others; an unchanged row is not written at all.
 */
@Injectable()
export class RecordIngest {
  constructor(
    private readonly store: RecordsStore,
    private readonly subjects: SubjectsService,
    private readonly clock: Clock,
  ) {}

  /** `onCommitted` receives the subjects whose records changed, after each chunk's commit. */
  async run(rows: readonly IncomingRow[], onCommitted: (subjectIds: string[]) => void): Promise<RowReport[]> {
    const out: RowReport[] = [];
    for (let i = 0; i < rows.length; i += CHUNK_SIZE) {
      const chunk = rows.slice(i, i + CHUNK_SIZE);
      const { reports, changed } = await this.chunk(chunk);
      out.push(...reports);
      if (changed.length) onCommitted(changed);
    }
    return out;
  }

  private async chunk(rows: readonly IncomingRow[]): Promise<{ reports: RowReport[]; changed: string[] }> {
    const today = this.clock.today();
    const reports: RowReport[] = rows.map((r) => ({ row: r.row, ...(r.line ? { line: r.line } : {}), ...label(r.data), status: 'refused' }));
    const valid: { at: number; dto: RecordRowDto }[] = [];
    rows.forEach((r, at) => {
      const check = checkRow(r.data, today);
      if (check.ok) valid.push({ at, dto: check.row });
      else reports[at] = { ...reports[at], errors: check.errors };
    });
    if (!valid.length) return { reports, changed: [] };
    const changed = new Set<string>();
    await this.store.ds.transaction(async (m) => {
      const resolved = await this.resolveSubjects(m, valid, reports);
      for (const pass of passes(resolved)) {
        const written = await this.store.upsert(m, pass.map((p) => p.cols));
        const byKey = new Map(written.map((w) => [keyOf(w), w]));
        const missing = pass.filter((p) => !byKey.has(keyOf(p.cols)));
        const existing = await this.store.idsByKeys(m, missing.map((p) => ({ source: p.cols.source, decisionNumber: p.cols.decision_number })));
        const existingByKey = new Map(existing.map((w) => [keyOf(w), w]));
        for (const p of pass) {
          const w: WrittenRow | undefined = byKey.get(keyOf(p.cols));
          const status: RowStatus = w ? (w.inserted ? 'stored' : 'updated') : 'unchanged';
          if (w) changed.add(p.cols.subject_id);
          reports[p.at] = { ...reports[p.at], status, recordId: (w ?? existingByKey.get(keyOf(p.cols)))?.id };
        }
      }
    });
    return { reports, changed: [...changed] };
  }

  /** Find or register each row's subject inside the transaction; a subject refused refuses its rows. */
  private async resolveSubjects(m: EntityManager, valid: readonly { at: number; dto: RecordRowDto }[], reports: RowReport[]): Promise<Resolved[]> {
    const out: Resolved[] = [];
    const cache = new Map<string, string | FieldError[]>();
    for (const { at, dto } of valid) {
      const identity = dto.subjectCode ? `c:${dto.subjectCode}` : `i:${dto.subjectIdNumber}`;
      let subject = cache.get(identity);
      if (subject === undefined) {
        try {
          subject = (await this.subjects.resolveOrRegister({
            code: dto.subjectCode, idNumber: dto.subjectIdNumber, name: dto.subjectName, kind: dto.subjectKind,
            registeredOn: dto.subjectRegisteredOn ?? null, region: dto.subjectRegion ?? null,
          }, m)).id;
        } catch (err) {
          if (!(err instanceof ValidationFailed)) throw err;
          subject = (err.errors ?? []).map((e) => ({ field: SUBJECT_FIELDS[e.field] ?? e.field, reason: e.reason }));
        }
        cache.set(identity, subject);
      }
      if (typeof subject === 'string') out.push({ at, cols: normaliseRecord(dto, subject) });
      else reports[at] = { ...reports[at], errors: subject };
    }
    return out;
  }
}

/** Split rows so that no statement sees a key twice: the n-th occurrence of a key goes in pass n (file order kept). */
function passes(rows: readonly Resolved[]): Resolved[][] {
  const seen = new Map<string, number>();
  const out: Resolved[][] = [];
  for (const r of rows) {
    const n = seen.get(keyOf(r.cols)) ?? 0;
    seen.set(keyOf(r.cols), n + 1);
    (out[n] ??= []).push(r);
  }
  // A stable order across concurrent imports makes row locks be taken in the same order (no deadlock).
  return out.map((p) => [...p].sort((a, b) => (keyOf(a.cols) < keyOf(b.cols) ? -1 : keyOf(a.cols) > keyOf(b.cols) ? 1 : 0)));
}
