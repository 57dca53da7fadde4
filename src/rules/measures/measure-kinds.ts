/**
 * Kinds and effects of a joint reward and punishment measure (联合奖惩措施). A file of their own: the
 * verdict is derived from the effects (verdict.ts) and the measure types name the verdict
 * (measures.types.ts), so neither may hold them without importing the other.
 */
export const MEASURE_KINDS = ['penalty', 'reward'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** block: may not take part; restrict: limited; scrutinise: reviewed closely; facilitate: a reward. */
export const MEASURE_EFFECTS = ['block', 'restrict', 'scrutinise', 'facilitate'] as const;
export type MeasureEffect = (typeof MEASURE_EFFECTS)[number];

/** Effects a measure of each kind may have. */
export const EFFECTS_OF_KIND: Readonly<Record<MeasureKind, readonly MeasureEffect[]>> = {
  penalty: ['block', 'restrict', 'scrutinise'],
  reward: ['facilitate'],
};

/** Statuses of a legal source that may back a penalty measure (never a local parameter). */
export const PENALTY_BASIS_STATUSES = ['verified', 'secondary'] as const;
