import { hash } from 'node:crypto';
import { factsFor, summariseRecords, type FactRecord, type FactSummary } from '../../rules/facts';
import { evaluatePack, Evaluation, Facts, SubjectKind } from '../../rules';
import { membershipIn, type IndustryAssignment, type Membership, type MembershipBasis } from '../../rules/membership';
import type { ActivePack } from '../packs/packs.service';

export interface TierSubject {
  readonly id: string;
  readonly kind: SubjectKind;
  readonly registeredOn: string | null;
  /** GB/T 4754-2017 code of its registration, when known: one way into an industry. */
  readonly industryCode: string | null;
}

/** One subject's tier in one industry, with everything needed to explain and store it. */
export interface ComputedTier {
  readonly subjectId: string;
  readonly evaluation: Evaluation;
  readonly facts: Facts;
  /** Why the subject belongs to the pack's industry (行业归属依据): records, code, assignment, every subject. */
  readonly membership: readonly MembershipBasis[];
  readonly packHash: string;
  readonly asOf: string;
  /**
   * Hash of everything a stored tier holds that can change: pack content, tier, score, the rules that
   * fired, the facts and the membership bases. A stored tier whose fingerprint differs is rewritten; a
   * history row is appended only when the pack, tier, score or fired rules moved (facts or bases alone, such
   * as a second year of level A that no rule reads, refresh the stored tier without a history row).
   */
  readonly fingerprint: string;
}

/** What one subject's evaluation gave: the tiers of the industries it belongs to, and its membership in every pack's. */
export interface SubjectTiers {
  readonly tiers: ComputedTier[];
  readonly memberships: Membership[];
}

/**
 * Evaluate every pack for one subject as of a date: a tier in each industry it belongs to at that date
 * (分行业: its kind is one the pack applies to, and the pack's membership takes it in), none elsewhere. Pure.
 */
export function evaluateSubject(
  subject: TierSubject,
  records: readonly FactRecord[],
  asOf: string,
  packs: readonly ActivePack[],
  assignments: readonly IndustryAssignment[] = [],
): SubjectTiers {
  const tiers: ComputedTier[] = [];
  const memberships: Membership[] = [];
  let summary: FactSummary | undefined; // the records walked once for every industry the subject belongs to
  for (const p of packs) {
    const membership = membershipIn(p.pack, subject, records, assignments, asOf);
    memberships.push(membership);
    if (!membership.member) continue;
    summary ??= summariseRecords({ kind: subject.kind, registeredOn: subject.registeredOn }, records, asOf);
    const facts = factsFor(summary, p.pack.industry);
    const evaluation = evaluatePack(p.compiled, facts);
    tiers.push({
      subjectId: subject.id,
      evaluation,
      facts,
      membership: membership.bases,
      packHash: p.contentHash,
      asOf,
      fingerprint: fingerprint(evaluation, facts, membership.bases, p.contentHash),
    });
  }
  return { tiers, memberships };
}

/** The tiers alone (see evaluateSubject). */
export function computeTiers(
  subject: TierSubject,
  records: readonly FactRecord[],
  asOf: string,
  packs: readonly ActivePack[],
  assignments: readonly IndustryAssignment[] = [],
): ComputedTier[] {
  return evaluateSubject(subject, records, asOf, packs, assignments).tiers;
}

function fingerprint(e: Evaluation, facts: Facts, bases: readonly MembershipBasis[], packHash: string): string {
  // deriveFacts writes the catalogue's facts in one fixed order, membershipIn its bases in one fixed order:
  // the JSON texts are canonical as they are. One text, one-shot hash (the same digest as updating a Hash piece by piece).
  let key = packHash + '|' + e.tier + '|' + String(e.score);
  for (const f of e.fired) key += '|' + f.rule;
  return hash('sha256', key + '\n' + JSON.stringify(facts) + '\n' + JSON.stringify(bases), 'hex');
}
