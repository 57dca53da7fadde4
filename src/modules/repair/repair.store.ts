import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export type ApplicationStatus = 'pending' | 'approved' | 'rejected';
export type ApplicantKind = 'subject' | 'credit_office';

/** A `repair_applications` row as selected (dates as 'YYYY-MM-DD' text). */
export interface ApplicationRow {
  id: string;
  recordId: string;
  subjectId: string;
  decisionNumber: string;
  department: string;
  status: ApplicationStatus;
  applicantKind: ApplicantKind;
  applicantName: string;
  commitment: string;
  reason: string;
  evidence: string[];
  earliestRepairDate: string | null;
  appliedOn: string;
  commitmentRecordId: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  caller: string | null;
  decidedCaller: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What an application is stored with; the rest (status, decision, times) the table fills in. */
export type NewApplication = Pick<
  ApplicationRow,
  | 'recordId'
  | 'subjectId'
  | 'decisionNumber'
  | 'department'
  | 'applicantKind'
  | 'applicantName'
  | 'commitment'
  | 'reason'
  | 'evidence'
  | 'earliestRepairDate'
  | 'appliedOn'
  | 'caller'
>;

export interface Decision {
  id: string;
  status: Exclude<ApplicationStatus, 'pending'>;
  on: string;
  by: string;
  reason: string | null;
  caller: string | null;
}

export interface ApplicationFilter {
  status?: ApplicationStatus;
  subjectId?: string;
  recordId?: string;
}

const d = (c: string, alias: string) => `to_char(${c}, 'YYYY-MM-DD') AS "${alias}"`;
const COLUMNS = [
  'id',
  'record_id AS "recordId"',
  'subject_id AS "subjectId"',
  'decision_number AS "decisionNumber"',
  'department',
  'status',
  'applicant_kind AS "applicantKind"',
  'applicant_name AS "applicantName"',
  'commitment',
  'reason',
  'evidence',
  d('earliest_repair_date', 'earliestRepairDate'),
  d('applied_on', 'appliedOn'),
  'commitment_record_id AS "commitmentRecordId"',
  d('decided_on', 'decidedOn'),
  'decided_by AS "decidedBy"',
  'decision_reason AS "decisionReason"',
  'caller',
  'decided_caller AS "decidedCaller"',
  'created_at AS "createdAt"',
  'updated_at AS "updatedAt"',
].join(', ');

/**
 * SQL of `repair_applications`. The writes to `credit_records` that share a transaction with an approval
 * or an outcome (marking a record repaired, settling a commitment) are the records module's, called through
 * RecordsService with the transaction's manager.
 */
@Injectable()
export class RepairStore {
  constructor(@InjectDataSource() readonly ds: DataSource) {}

  /** Null when the record already has a pending application (the partial unique index decides, race-free). */
  async insert(a: NewApplication, m: EntityManager = this.ds.manager): Promise<ApplicationRow | null> {
    const rows: ApplicationRow[] = await m.query(
      `INSERT INTO repair_applications (record_id, subject_id, decision_number, department, applicant_kind, applicant_name, commitment, reason,
         evidence, earliest_repair_date, applied_on, caller)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::date, $11::date, $12)
       ON CONFLICT (record_id) WHERE status = 'pending' DO NOTHING RETURNING ${COLUMNS}`,
      [
        a.recordId,
        a.subjectId,
        a.decisionNumber,
        a.department,
        a.applicantKind,
        a.applicantName,
        a.commitment,
        a.reason,
        JSON.stringify(a.evidence),
        a.earliestRepairDate,
        a.appliedOn,
        a.caller,
      ],
    );
    return rows[0] ?? null;
  }

  async setCommitmentRecord(id: string, commitmentRecordId: string): Promise<ApplicationRow | null> {
    const rows: [ApplicationRow[], number] = await this.ds.query(
      `UPDATE repair_applications SET commitment_record_id = $2, updated_at = now() WHERE id = $1::uuid RETURNING ${COLUMNS}`,
      [id, commitmentRecordId],
    );
    return rows[0]?.[0] ?? null;
  }

  async findById(id: string): Promise<ApplicationRow | null> {
    const rows: ApplicationRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM repair_applications WHERE id = $1::uuid`,
      [id],
    );
    return rows[0] ?? null;
  }

  async pendingFor(recordId: string): Promise<ApplicationRow | null> {
    const rows: ApplicationRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM repair_applications WHERE record_id = $1::uuid AND status = 'pending'`,
      [recordId],
    );
    return rows[0] ?? null;
  }

  async list(f: ApplicationFilter, limit: number, offset: number): Promise<{ total: number; items: ApplicationRow[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.status) add('status = ?', f.status);
    if (f.subjectId) add('subject_id = ?::uuid', f.subjectId);
    if (f.recordId) add('record_id = ?::uuid', f.recordId);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: string }[] = await this.ds.query(
      `SELECT count(*)::text AS total FROM repair_applications ${clause}`,
      params,
    );
    const items: ApplicationRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM repair_applications ${clause} ORDER BY created_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { total: Number(total), items };
  }

  /** The application whose public commitment (信用修复承诺) was filed as this commitment record, if any. */
  async byCommitmentRecord(m: EntityManager, commitmentRecordId: string): Promise<ApplicationRow | null> {
    const rows: ApplicationRow[] = await m.query(
      `SELECT ${COLUMNS} FROM repair_applications WHERE commitment_record_id = $1::uuid FOR UPDATE`,
      [commitmentRecordId],
    );
    return rows[0] ?? null;
  }

  /** Conditional update from 'pending': null when the application is no longer pending. */
  async decide(m: EntityManager, dec: Decision): Promise<ApplicationRow | null> {
    const rows: [ApplicationRow[], number] = await m.query(
      `UPDATE repair_applications SET status = $2, decided_on = $3::date, decided_by = $4, decision_reason = $5, decided_caller = $6, updated_at = now()
       WHERE id = $1::uuid AND status = 'pending' RETURNING ${COLUMNS}`,
      [dec.id, dec.status, dec.on, dec.by, dec.reason, dec.caller],
    );
    return rows[0]?.[0] ?? null;
  }
}
