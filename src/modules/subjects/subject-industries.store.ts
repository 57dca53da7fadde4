import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../common/queryable';
import type { AssignmentEffect } from '../../rules/membership';

/** A department's assignment (行业归属认定) as stored: never deleted, ended by `until` with the end's reason. */
export interface IndustryAssignmentRow {
  readonly id: string;
  readonly subjectId: string;
  readonly industry: string;
  readonly effect: AssignmentEffect;
  readonly since: string;
  readonly until: string | null;
  readonly reason: string;
  readonly decidedBy: string;
  readonly department: string | null;
  readonly createdAt: string;
  readonly endReason: string | null;
  readonly endedBy: string | null;
}

const COLUMNS = `id::text AS id, subject_id AS "subjectId", industry, effect, to_char(since, 'YYYY-MM-DD') AS since,
  to_char(until, 'YYYY-MM-DD') AS until, reason, decided_by AS "decidedBy", department,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", end_reason AS "endReason",
  ended_by AS "endedBy"`;

export interface NewAssignment {
  readonly subjectId: string;
  readonly industry: string;
  readonly effect: AssignmentEffect;
  readonly since: string;
  readonly reason: string;
  readonly decidedBy: string;
  readonly department: string | null;
}

/** SQL of subject_industries (migration 1796572800000): department assignments of subjects to industries. */
@Injectable()
export class SubjectIndustriesStore {
  constructor(@InjectDataSource() readonly ds: DataSource) {}

  /** Every assignment of these subjects (ended ones too: as-of answers need them), oldest first. */
  async forSubjects(ids: readonly string[], db: Queryable = this.ds): Promise<IndustryAssignmentRow[]> {
    if (ids.length === 0) return [];
    return db.query(`SELECT ${COLUMNS} FROM subject_industries WHERE subject_id = ANY($1::uuid[]) ORDER BY since, id`, [
      ids,
    ]);
  }

  /** Every assignment of the subjects whose id is in (afterId, lastId] (a batch's keyset page), by subject, oldest first. */
  async forSubjectRange(afterId: string | null, lastId: string): Promise<IndustryAssignmentRow[]> {
    return this.ds.query(
      `SELECT ${COLUMNS} FROM subject_industries
       WHERE ($1::uuid IS NULL OR subject_id > $1::uuid) AND subject_id <= $2::uuid ORDER BY subject_id, since, id`,
      [afterId, lastId],
    );
  }

  /**
   * End the open assignment of the subject's industry on `day` (its `until`), under a row lock so two decisions
   * never leave two open ones; answers the ended row, or null when none was open.
   */
  async endOpen(
    db: Queryable,
    subjectId: string,
    industry: string,
    day: string,
    endReason: string,
    endedBy: string,
  ): Promise<IndustryAssignmentRow | null> {
    const rows: IndustryAssignmentRow[] = await db.query(
      // Through a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count], a SELECT as its rows.
      `WITH ended AS (
         UPDATE subject_industries SET until = GREATEST($3::date, since), end_reason = $4, ended_by = $5
         WHERE id = (SELECT id FROM subject_industries WHERE subject_id = $1 AND industry = $2 AND until IS NULL
                     ORDER BY id DESC LIMIT 1 FOR UPDATE)
         RETURNING *
       )
       SELECT ${COLUMNS} FROM ended`,
      [subjectId, industry, day, endReason, endedBy],
    );
    return rows[0] ?? null;
  }

  async insert(db: Queryable, a: NewAssignment): Promise<IndustryAssignmentRow> {
    const rows: IndustryAssignmentRow[] = await db.query(
      `INSERT INTO subject_industries (subject_id, industry, effect, since, reason, decided_by, department)
       VALUES ($1, $2, $3, $4::date, $5, $6, $7) RETURNING ${COLUMNS}`,
      [a.subjectId, a.industry, a.effect, a.since, a.reason, a.decidedBy, a.department],
    );
    return rows[0];
  }

  /** Serialise decisions on one subject (the subject row's lock) within the caller's transaction. */
  async lockSubject(db: Queryable, subjectId: string): Promise<boolean> {
    const rows: unknown[] = await db.query(`SELECT 1 FROM subjects WHERE id = $1 FOR UPDATE`, [subjectId]);
    return rows.length === 1;
  }
}
