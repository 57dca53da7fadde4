import { createHash } from 'node:crypto';
import { deriveFacts, type FactRecord } from '../../rules/facts';
import { evaluatePack, Evaluation, Facts, SubjectKind } from '../../rules';
import type { ActivePack } from '../packs/packs.service';

export interface TierSubject {
  readonly id: string;
  readonly kind: SubjectKind;
  readonly registeredOn: string | null;
}

/** One subject's tier in one industry, with everything needed to explain and store it. */
export interface ComputedTier {
  readonly subjectId: string;
  readonly evaluation: Evaluation;
  readonly facts: Facts;
  readonly packHash: string;
  readonly asOf: string;
  /**
   * Hash of everything a stored tier holds that can change: pack content, tier, score, the rules that
   * fired and the facts. A stored tier whose fingerprint differs is rewritten; a history row is appended
   * only when the pack, tier, score or fired rules moved (facts alone, such as a second year of level A
   * that no rule reads, refresh the stored tier without a history row).
   */
  readonly fingerprint: string;
}

/** Evaluate every applicable pack for one subject as of a date. Pure: no I/O. */
export function computeTiers(
  subject: TierSubject,
  records: readonly FactRecord[],
  asOf: string,
  packs: readonly ActivePack[],
): ComputedTier[] {
  const out: ComputedTier[] = [];
  for (const p of packs) {
    if (!p.pack.appliesTo.includes(subject.kind)) continue;
    const facts = deriveFacts(
      { kind: subject.kind, registeredOn: subject.registeredOn },
      records,
      asOf,
      p.pack.industry,
    );
    const evaluation = evaluatePack(p.compiled, facts);
    out.push({
      subjectId: subject.id,
      evaluation,
      facts,
      packHash: p.contentHash,
      asOf,
      fingerprint: fingerprint(evaluation, facts, p.contentHash),
    });
  }
  return out;
}

function fingerprint(e: Evaluation, facts: Facts, packHash: string): string {
  const key = [packHash, e.tier, e.score, ...e.fired.map((f) => f.rule)].join('|');
  // deriveFacts writes the catalogue's facts in one fixed order: the JSON text is canonical as it is.
  return createHash('sha256').update(key).update('\n').update(JSON.stringify(facts)).digest('hex');
}
