import { DomainError, NotFound } from '../../common/problem';
import { actsFor, type Caller } from '../auth/caller';

/** Error codes of credit repair (信用修复) and commitment outcomes (信用承诺). */
export const REPAIR_ERRORS = {
  NOT_FOUND: 'REPAIR_APPLICATION_NOT_FOUND',
  TOO_EARLY: 'REPAIR_TOO_EARLY',
  NOT_REPAIRABLE: 'REPAIR_NOT_APPLICABLE',
  NOT_IN_FORCE: 'REPAIR_RECORD_NOT_IN_FORCE',
  ALREADY_PENDING: 'REPAIR_ALREADY_PENDING',
  NOT_PENDING: 'REPAIR_NOT_PENDING',
  WRONG_DEPARTMENT: 'REPAIR_WRONG_DEPARTMENT',
  KEY_NOT_FOR_DEPARTMENT: 'KEY_NOT_FOR_DEPARTMENT',
  NOT_A_COMMITMENT: 'COMMITMENT_NOT_APPLICABLE',
  COMMITMENT_DECIDED: 'COMMITMENT_ALREADY_DECIDED',
} as const;

export class RepairApplicationNotFound extends NotFound {
  constructor(id: string) {
    super(REPAIR_ERRORS.NOT_FOUND, `No credit repair application (信用修复申请) with id ${id}.`);
  }
}

/** 422: applied before the minimum publicity period ended (最短公示期未满). */
export class RepairTooEarly extends DomainError {
  constructor(recordId: string, earliestRepairDate: string, today: string) {
    super(
      422,
      REPAIR_ERRORS.TOO_EARLY,
      'Too early to apply for credit repair (最短公示期未届满)',
      `Credit repair of record ${recordId} may be applied for from ${earliestRepairDate} (today is ${today}).`,
      [{ field: 'recordId', reason: `repair may be applied for from ${earliestRepairDate} (最短公示期届满之日)` }],
      { recordId, earliestRepairDate },
    );
  }
}

/** 422: this kind of record has no credit repair (licences, red lists, tax levels, fulfilled commitments…). */
export class RecordNotRepairable extends DomainError {
  constructor(recordId: string, what: string) {
    super(
      422,
      REPAIR_ERRORS.NOT_REPAIRABLE,
      'This record has no credit repair (该记录不适用信用修复)',
      `Record ${recordId} is ${what}: only penalties, dishonesty listings and breached commitments are repaired.`,
      [{ field: 'recordId', reason: `${what} has no credit repair` }],
      { recordId },
    );
  }
}

/** 409: the record no longer counts (revoked, repaired, ended, past its publicity end): nothing to repair. */
export class RecordNotInForce extends DomainError {
  constructor(recordId: string, why: string) {
    super(
      409,
      REPAIR_ERRORS.NOT_IN_FORCE,
      'The record is no longer in force (记录已失效)',
      `Record ${recordId} ${why}: there is nothing to repair.`,
      [{ field: 'recordId', reason: why }],
      { recordId },
    );
  }
}

export class RepairAlreadyPending extends DomainError {
  constructor(recordId: string, applicationId: string | null) {
    super(
      409,
      REPAIR_ERRORS.ALREADY_PENDING,
      'A repair application is already pending (已有待审核的修复申请)',
      `Record ${recordId} already has a pending repair application${applicationId ? ` (${applicationId})` : ''}.`,
      [{ field: 'recordId', reason: 'already has a pending repair application' }],
      { recordId, ...(applicationId ? { applicationId } : {}) },
    );
  }
}

/** 409: approve / reject only from 'pending' (conditional update). */
export class RepairNotPending extends DomainError {
  constructor(id: string, status: string) {
    super(
      409,
      REPAIR_ERRORS.NOT_PENDING,
      'The application was already decided (申请已审核)',
      `Repair application ${id} is ${status}, not pending.`,
      [{ field: 'id', reason: `is ${status}, not pending` }],
      { applicationId: id, applicationStatus: status },
    );
  }
}

/** 403: "谁认定、谁修复" — only the department that recognised the record decides. */
export class WrongDepartment extends DomainError {
  constructor(expected: string, got: string) {
    super(
      403,
      REPAIR_ERRORS.WRONG_DEPARTMENT,
      'Not the recognising department (非认定部门)',
      `Only the department that recognised the record (${expected}) may decide; the request came from ${got}.`,
      [{ field: 'department', reason: `must be the recognising department (认定部门) ${expected}` }],
    );
  }
}

export class NotACommitment extends DomainError {
  constructor(recordId: string, type: string) {
    super(
      422,
      REPAIR_ERRORS.NOT_A_COMMITMENT,
      'Not a credit commitment (非信用承诺记录)',
      `Record ${recordId} is a ${type}, not a commitment.`,
      [{ field: 'id', reason: `is a ${type} record, not a commitment` }],
    );
  }
}

export class CommitmentAlreadyDecided extends DomainError {
  constructor(recordId: string, status: string) {
    super(
      409,
      REPAIR_ERRORS.COMMITMENT_DECIDED,
      'Commitment outcome already recorded (承诺履行情况已记录)',
      `Commitment ${recordId} is ${status}, not pending.`,
      [{ field: 'id', reason: `is ${status}, not pending` }],
    );
  }
}

export class NotACommitmentOutcome extends NotFound {
  constructor(recordId: string) {
    super('COMMITMENT_OUTCOME_NOT_FOUND', `No outcome recorded for commitment ${recordId} (承诺履行情况未记录).`);
  }
}

/** The caller's key does not act for the department it names (api_keys.department; 谁认定、谁修复). */
export class KeyNotForDepartment extends DomainError {
  constructor(department: string, bound: string | null) {
    super(
      403,
      REPAIR_ERRORS.KEY_NOT_FOR_DEPARTMENT,
      'Key does not act for this department (调用密钥不属于该部门)',
      bound === null
        ? `Deciding for ${department} needs a key bound to that department (npm run keys -- create --department …) or the admin scope (the credit office).`
        : `This key acts for ${bound}, not for ${department}.`,
      [
        {
          field: 'department',
          reason: bound === null ? 'the key is not bound to a department' : `the key acts for ${bound}`,
        },
      ],
    );
  }
}

/** 403 unless the caller's key may act for `department`. */
export function assertActsFor(caller: Caller | undefined, department: string): void {
  if (!actsFor(caller, department)) throw new KeyNotForDepartment(department, caller?.department ?? null);
}
