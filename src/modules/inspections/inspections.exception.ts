import { DomainError, NotFound } from '../../common/problem';
import type { DrawImpossible } from '../../rules/draw';

export class PlanNotFound extends NotFound {
  constructor(id: string) {
    super('INSPECTION_PLAN_NOT_FOUND', `No inspection plan (抽查计划) with id ${id}.`);
  }
}

export class PlanItemNotFound extends NotFound {
  constructor(planId: string, itemId: string) {
    super('INSPECTION_ITEM_NOT_FOUND', `Inspection plan ${planId} has no item ${itemId}.`);
  }
}

/** 422: the plan cannot be drawn; names what is short (which subject, how many eligible inspectors). */
export class PlanNotDrawable extends DomainError {
  constructor(err: DrawImpossible) {
    super(
      422,
      `INSPECTION_${err.code}`,
      'The inspection plan cannot be drawn (无法生成抽查计划)',
      err.message,
      [
        {
          field: err.code === 'SUBJECT_UNSTAFFABLE' || err.code === 'TOO_FEW_INSPECTORS' ? 'inspectors' : 'industry',
          reason: err.message,
        },
      ],
      { ...err.details },
    );
  }
}

/** 422: no subject of the industry (and region) has a tier yet. */
export class NoSubjectsToDraw extends DomainError {
  constructor(industry: string, region: string | null) {
    super(
      422,
      'INSPECTION_NO_SUBJECTS',
      'Nothing to draw from (无可抽取的主体)',
      `No subject has a ${industry} tier${region ? ` in region ${region}` : ''}; run tiering first.`,
      [{ field: region ? 'region' : 'industry', reason: 'no tiered subjects' }],
    );
  }
}

export class ResultAlreadyRecorded extends DomainError {
  constructor(itemId: string, result: string) {
    super(
      409,
      'INSPECTION_RESULT_EXISTS',
      'The inspection result is already recorded (检查结果已登记)',
      `Item ${itemId} already has the result ${result}.`,
    );
  }
}
