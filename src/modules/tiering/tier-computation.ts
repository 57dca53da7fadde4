import { createHash } from 'node:crypto';
import { deriveFacts } from '../../rules/derive-facts';
import type { FactRecord } from '../../rules/record.types';
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
  /** Hash of what a change means: pack version, tier, score and the rules that fired. */
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
    const facts = deriveFacts({ kind: subject.kind, registeredOn: subject.registeredOn }, records as FactRecord[], asOf, p.pack.industry);
    const evaluation = evaluatePack(p.compiled, facts);
    out.push({ subjectId: subject.id, evaluation, facts, packHash: p.contentHash, asOf, fingerprint: fingerprint(evaluation, p.contentHash) });
  }
  return out;
}

function fingerprint(e: Evaluation, packHash: string): string {
  const key = [packHash, e.tier, e.score, ...e.fired.map((f) => f.rule)].join('|');
  return createHash('sha256').update(key).digest('hex');
}
