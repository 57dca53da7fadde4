/** Why a draw cannot be made: what is short, named. */
export type DrawErrorCode = 'TOO_FEW_INSPECTORS' | 'SUBJECT_UNSTAFFABLE' | 'NO_POLICY_FOR_TIER' | 'BAD_RATIO';

export class DrawImpossible extends Error {
  constructor(
    readonly code: DrawErrorCode,
    message: string,
    readonly details: {
      readonly subjectId?: string;
      readonly tier?: string;
      readonly eligible?: number;
      readonly needed?: number;
    } = {},
  ) {
    super(message);
    this.name = 'DrawImpossible';
  }
}
