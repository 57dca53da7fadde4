import {
  deriveCheckFacts,
  procurementMajorViolations,
  recordsBehind,
  type FactRecord,
  type PartyRole,
} from '../../rules/facts';
import { evaluateMeasures, type LoadedMeasures } from '../../rules/measures';
import type { Industry, SubjectKind } from '../../rules/shared';
import type { RecordCitation } from '../records/record.view';
import type { CheckMeasure, CheckPartyResult } from './check.types';

export interface PartyInput {
  readonly index: number;
  readonly role: string;
  readonly identifier: CheckPartyResult['identifier'];
  readonly subject: { id: string; kind: SubjectKind; name: string; registeredOn: string | null } | null;
  /** Kind inferred from the identifier when the subject is unknown to the service. */
  readonly inferredKind: SubjectKind;
  readonly records: readonly FactRecord[];
  /** Penalties past their publicity window that the procurement look-back still counts (政府采购法 Art. 22(1)(5)). */
  readonly lookBack?: readonly FactRecord[];
  readonly tiers: readonly PartyTier[];
}

/** A party's tier in one industry, as a check uses and answers it. */
export type PartyTier = CheckPartyResult['tiers'][number];

const STATEMENTS: Record<CheckPartyResult['verdict'], string> = {
  block: '存在禁止性失信惩戒措施，依法不得参与 (disqualified: a joint punishment measure blocks this party)',
  restrict: '存在限制性失信惩戒措施 (restricted: a joint punishment measure limits this party)',
  scrutinise: '需重点审查 (scrutinise: review this party closely)',
  reward: '适用守信激励措施 (reward: joint incentive measures apply)',
  pass: '未发现适用的奖惩措施 (pass: no measure applies)',
};

/** One party's verdict and measures, each measure with its legal basis and the records that triggered it. */
export function evaluateParty(
  p: PartyInput,
  measures: LoadedMeasures,
  citations: ReadonlyMap<string, RecordCitation>,
  transaction: { scenario: string; amount?: number },
  asOf: string,
): CheckPartyResult {
  const tiers: Partial<Record<Industry, string>> = {};
  for (const t of p.tiers) tiers[t.industry as Industry] = t.tier;
  const facts = deriveCheckFacts(
    { kind: p.subject?.kind ?? p.inferredKind, registeredOn: p.subject?.registeredOn ?? null },
    p.records,
    asOf,
    { scenario: transaction.scenario, partyRole: p.role as PartyRole, amount: transaction.amount ?? null },
    tiers,
    undefined,
    p.lookBack ?? [],
  );
  const evaluation = evaluateMeasures(measures.rules, facts);
  const applied: CheckMeasure[] = evaluation.measures.map((m) => ({
    ...m,
    triggeredBy: cite(m.factsUsed, p.records, p.lookBack ?? [], asOf, citations),
  }));
  const noRecords = p.records.length === 0;
  return {
    index: p.index,
    role: p.role,
    identifier: p.identifier,
    subjectId: p.subject?.id ?? null,
    name: p.subject?.name ?? null,
    verdict: evaluation.verdict,
    statement:
      evaluation.verdict === 'pass' && noRecords
        ? '无有效信用记录，通过 (pass: no credit records in force)'
        : STATEMENTS[evaluation.verdict],
    measures: applied,
    recordsInForce: p.records.length,
    tiers: p.tiers,
  };
}

function cite(
  facts: readonly string[],
  records: readonly FactRecord[],
  lookBack: readonly FactRecord[],
  asOf: string,
  citations: ReadonlyMap<string, RecordCitation>,
): RecordCitation[] {
  const out = new Map<string, RecordCitation>();
  for (const fact of facts) {
    const behind =
      fact === 'majorViolationPenaltiesLast36Months'
        ? procurementMajorViolations([...recordsBehind(fact, records, asOf, 'all'), ...lookBack], asOf)
        : recordsBehind(fact, records, asOf, 'all');
    for (const r of behind) {
      const c = r.id ? citations.get(r.id) : undefined;
      if (c) out.set(c.id, c);
    }
  }
  return [...out.values()];
}
