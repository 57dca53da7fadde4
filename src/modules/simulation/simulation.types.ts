/** What a draft would change if it were published today (发布前影响模拟). */
export interface TierChange {
  readonly subjectId: string;
  readonly name: string;
  readonly code: string | null;
  readonly before: { readonly tier: string; readonly score: number };
  readonly after: { readonly tier: string; readonly score: number };
  /** Rules that fire under the draft and not under the active version, and the reverse. */
  readonly rulesAdded: readonly string[];
  readonly rulesRemoved: readonly string[];
}

export interface SimulationReport {
  readonly packId: string;
  readonly industry: string;
  readonly activeVersion: string;
  readonly draftVersion: string;
  readonly draftRevision: number;
  readonly asOf: string;
  readonly subjectsEvaluated: number;
  /** Subjects per tier under the active version and under the draft. */
  readonly distribution: { readonly before: Record<string, number>; readonly after: Record<string, number> };
  readonly changedCount: number;
  /** Subjects the draft's membership takes into the industry (they would gain a tier) and leaves out (they would lose it). */
  readonly membership: { readonly joined: number; readonly left: number };
  /** The subjects whose tier would change (the first 1,000). */
  readonly changed: readonly TierChange[];
  /** The same, as lines a rule author reads (中文 / English). */
  readonly summary: readonly string[];
}

/** A measures draft replayed against the checks of a past period (历史核查回放). */
export interface MeasuresSimulationReport {
  readonly packId: 'measures';
  readonly activeVersion: string;
  readonly draftVersion: string;
  readonly draftRevision: number;
  readonly from: string;
  readonly to: string;
  readonly checksReplayed: number;
  readonly truncated: boolean;
  readonly changedCount: number;
  /** Checks whose verdict the draft would change (the first 1,000). */
  readonly changed: readonly import('./measures-replay').ReplayedCheck[];
  readonly summary: readonly string[];
}
