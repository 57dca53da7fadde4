import type { EntityManager } from 'typeorm';
import { FieldError, ValidationFailed } from '../../common/problem';
import type { SubjectsService } from '../subjects/subjects.service';
import type { RecordRowDto } from './dto/record-row.dto';

const SUBJECT_FIELDS: Record<string, string> = {
  code: 'subjectCode',
  idNumber: 'subjectIdNumber',
  name: 'subjectName',
  kind: 'subjectKind',
  registeredOn: 'subjectRegisteredOn',
  region: 'subjectRegion',
  industryCode: 'subjectIndustryCode',
};

/**
 * The subjects of one import run, found or registered through SubjectsService inside the caller's
 * transaction and remembered for the rest of the run. An ID number is only ever held here in memory.
 */
export class RunSubjects {
  private readonly known = new Map<string, string | FieldError[]>();

  constructor(private readonly subjects: SubjectsService) {}

  /** The subject without its database id: its code, or the keyed hash (HMAC) of its ID number. */
  identity(row: RecordRowDto): string {
    return row.subjectCode ? `code:${row.subjectCode}` : `id:${this.subjects.idHash(row.subjectIdNumber ?? '')}`;
  }

  /** The subject id, or the row's field errors when the subject itself is refused. */
  async resolve(m: EntityManager, row: RecordRowDto): Promise<string | FieldError[]> {
    const key = this.identity(row);
    let subject = this.known.get(key);
    if (subject !== undefined) return subject;
    try {
      subject = (
        await this.subjects.resolveOrRegister(
          {
            code: row.subjectCode,
            idNumber: row.subjectIdNumber,
            name: row.subjectName,
            kind: row.subjectKind,
            registeredOn: row.subjectRegisteredOn ?? null,
            region: row.subjectRegion ?? null,
            industryCode: row.subjectIndustryCode ?? null,
          },
          m,
        )
      ).id;
    } catch (err) {
      if (!(err instanceof ValidationFailed)) throw err;
      subject = (err.errors ?? []).map((e) => ({ field: SUBJECT_FIELDS[e.field] ?? e.field, reason: e.reason }));
    }
    this.known.set(key, subject);
    return subject;
  }
}
