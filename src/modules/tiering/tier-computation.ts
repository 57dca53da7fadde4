import { hash } from 'node:crypto';
import { factsFor, summariseRecords, type FactRecord, type FactSummary } from '../../rules/facts';
import { evaluatePack, Evaluation, Facts, SubjectKind } from '../../rules';
import { FACT_CATALOGUE } from '../../rules/shared';
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

/**
 * The names of the facts, in the order factsFor writes them (its object literal, checked against the catalogue): the
 * fingerprint hashes the values alone, positionally, behind this signature, so a renamed or added fact still changes
 * every fingerprint once. Hashing `JSON.stringify(facts)` instead wrote every name again for every tier: a quarter
 * of a batch run that changes nothing went to that text and its hash (profile of bench:tiering, issue 16).
 */
const FACTS_SIGNATURE = hash('sha256', FACT_CATALOGUE.map((f) => f.name).join(','), 'hex').slice(0, 16);

export function fingerprint(e: Evaluation, facts: Facts, bases: readonly MembershipBasis[], packHash: string): string {
  let key = FACTS_SIGNATURE + '|' + packHash + '|' + e.tier + '|' + String(e.score);
  for (const f of e.fired) key += '|' + f.rule;
  key += '\n';
  // A fact is a number, a boolean, a string or null: strings quoted (as JSON writes them) keep the text unambiguous.
  for (const name in facts) {
    const v = facts[name];
    key += (typeof v === 'string' ? JSON.stringify(v) : v === null ? 'null' : String(v)) + ',';
  }
  // membershipIn writes its bases in one fixed order: their JSON text is canonical as it is.
  return hash('sha256', key + '\n' + JSON.stringify(bases), 'hex');
}
