import type { EntityManager } from 'typeorm';
import type { FieldError } from '../../common/problem';
import type { SubjectsService } from '../subjects/subjects.service';
import type { ResolveSubjectInput } from '../subjects/subjects.types';
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

  /** Each row's identity, computed once (an HMAC for an ID number; rows are sorted by it). */
  private readonly identities = new WeakMap<RecordRowDto, string>();

  /** The subject without its database id: its code, or the keyed hash (HMAC) of its ID number. */
  identity(row: RecordRowDto): string {
    let id = this.identities.get(row);
    if (id === undefined) {
      id = row.subjectCode ? `code:${row.subjectCode}` : `id:${this.subjects.idHash(row.subjectIdNumber ?? '')}`;
      this.identities.set(row, id);
    }
    return id;
  }

  /**
   * Find or register, in one go, the subjects of these rows not yet known to the run (SubjectsService.
   * resolveOrRegisterMany: a few statements, not a query per row). Rows naming the same subject take the
   * answer of the first of them, as resolving them one by one in this order would.
   */
  async resolveMany(m: EntityManager, rows: readonly RecordRowDto[]): Promise<void> {
    const first = new Map<string, RecordRowDto>();
    for (const row of rows) {
      const key = this.identity(row);
      if (!this.known.has(key) && !first.has(key)) first.set(key, row);
    }
    if (!first.size) return;
    const answers = await this.subjects.resolveOrRegisterMany([...first.values()].map(subjectInput), m);
    [...first.keys()].forEach((key, i) => {
      const a = answers[i];
      this.known.set(
        key,
        typeof a === 'string' ? a : a.map((e) => ({ field: SUBJECT_FIELDS[e.field] ?? e.field, reason: e.reason })),
      );
    });
  }

  /** The subject id, or the row's field errors when the subject itself is refused (after resolveMany). */
  async resolve(m: EntityManager, row: RecordRowDto): Promise<string | FieldError[]> {
    const key = this.identity(row);
    if (!this.known.has(key)) await this.resolveMany(m, [row]);
    return this.known.get(key)!;
  }
}

function subjectInput(row: RecordRowDto): ResolveSubjectInput {
  return {
    code: row.subjectCode,
    idNumber: row.subjectIdNumber,
    name: row.subjectName,
    kind: row.subjectKind,
    registeredOn: row.subjectRegisteredOn ?? null,
    region: row.subjectRegion ?? null,
    industryCode: row.subjectIndustryCode ?? null,
  };
}
