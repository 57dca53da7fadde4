/**
 * The check facts (核查事实): what a measure rule may read when a transaction is checked ("逢办必查").
 *
 * - Every FACT_CATALOGUE fact, derived over records of ALL industries: a check is about the party, not
 *   one industry, so the `industry*` facts count every industry and equal their non-industry counterparts
 *   (deriveFacts with scope 'all'). Measure rules should read the non-industry facts.
 * - `majorViolationPenaltiesLast36Months`, a check-only record fact for 政府采购法实施条例 Art. 19.
 * - Transaction facts: `scenario` (a catalogue scenario code; required), `partyRole`, `amount`.
 * - Tier facts, one per industry of shared/industries.ts (`taxTier`, `constructionTier`, …): the party's tier
 *   from the tiering packs, null when not tiered. Their values are the bundled packs' tier ids.
 */
import { deriveFacts, inForceAt } from './derive-facts';
import {
  FACT_CATALOGUE,
  factValueProblem,
  INDUSTRIES,
  type FactDefinition,
  type Facts,
  type FactValue,
  type Industry,
} from '../shared/facts.catalogue';
import { INDUSTRY_BY_ID, perIndustry } from '../shared/industries';
import { procurementMajorViolations } from './fact-sources';
import type { FactRecord, FactSubject } from './record.types';
import { CheckFactsError, type CheckFactProblem } from '../shared/rules.errors';

export const PARTY_ROLES = [
  'bidder',
  'supplier',
  'tenderer',
  'purchaser',
  'transferee',
  'applicant',
  'borrower',
  'nominee',
  'other',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** Transaction facts: given by the caller, not derived from records; left out of `factsUsed`. */
export const TRANSACTION_FACTS = ['scenario', 'partyRole', 'amount'] as const;

/** The check fact carrying the party's tier in each industry (declared in shared/industries.ts). */
export const TIER_FACTS: Readonly<Record<Industry, string>> = perIndustry((d) => d.tierFact);
/** Tier ids per industry, as the bundled packs define them (a test keeps them in step). */
export const TIER_VALUES: Readonly<Record<Industry, readonly string[]>> = perIndustry((d) => d.tiers);

export interface CheckFactDefinition extends FactDefinition {
  /** A check must give it (it has no default). */
  readonly required?: boolean;
}

const checkScoped = (f: FactDefinition): CheckFactDefinition =>
  f.name.startsWith('industry')
    ? {
        ...f,
        description: `${f.description} — in a check: every industry (equals the non-industry fact)`,
        descriptionZh: `${f.descriptionZh}（核查时统计全部行业）`,
      }
    : f;

export const CHECK_FACT_CATALOGUE: readonly CheckFactDefinition[] = [
  ...FACT_CATALOGUE.map(checkScoped),
  {
    name: 'majorViolationPenaltiesLast36Months',
    type: 'number',
    nullable: false,
    default: 0,
    description:
      'Major violation records (政府采购法实施条例 Art. 19): penalties decided in the 36 months before T, not revoked or repaired, that ordered suspension of production or business, revoked a licence or imposed a fine of 200万元 or more (财库〔2022〕3号) — whether or not still published (政府采购法 Art. 22(1)(5): 3 years)',
    descriptionZh:
      '近三年重大违法记录数：近36个月未撤销、未修复的责令停产停业、吊销许可证件或200万元以上罚款的行政处罚（不论是否仍在公示期内）',
    derivedFrom:
      'penalty records, penalty types suspension / licence_revocation or fine ≥ 200万元, publicity window aside',
    scope: 'cross-industry',
  },
  {
    name: 'scenario',
    type: 'string',
    nullable: false,
    required: true,
    default: null,
    description:
      'The scenario checked: a scenario code of the measures catalogue (tendering, government_procurement, …); required',
    descriptionZh: '办理事项的应用场景（招标投标、政府采购等），必填',
    derivedFrom: 'the check request',
    scope: 'transaction',
  },
  {
    name: 'partyRole',
    type: 'string',
    nullable: false,
    values: PARTY_ROLES,
    default: 'other',
    description: 'Role of the checked party in the transaction',
    descriptionZh: '被核查主体在事项中的角色（投标人、供应商、招标人、采购人、受让人、申请人、借款人、被推荐人、其他）',
    derivedFrom: 'the check request',
    scope: 'transaction',
  },
  {
    name: 'amount',
    type: 'number',
    nullable: true,
    default: null,
    description: 'Amount of the transaction in yuan; null when not given',
    descriptionZh: '事项金额（元）',
    derivedFrom: 'the check request',
    scope: 'transaction',
  },
  ...INDUSTRIES.map((industry): CheckFactDefinition => ({
    name: TIER_FACTS[industry],
    type: 'string',
    nullable: true,
    values: TIER_VALUES[industry],
    default: null,
    description: `The party's tier in the ${industry} pack; null when not tiered`,
    descriptionZh: `${INDUSTRY_BY_ID[industry].tierNameZh}分级分类结果，未分级为空`,
    derivedFrom: `tiering (${industry} pack)`,
    scope: 'tier',
  })),
];

/** The check facts with `scenario` limited to the given scenario codes (the loaded catalogue's). */
export function checkFactVocabulary(scenarioCodes?: readonly string[]): ReadonlyMap<string, CheckFactDefinition> {
  return new Map(
    CHECK_FACT_CATALOGUE.map(
      (f) => [f.name, f.name === 'scenario' && scenarioCodes ? { ...f, values: [...scenarioCodes] } : f] as const,
    ),
  );
}

const ANY_SCENARIO = checkFactVocabulary();

function problem(def: CheckFactDefinition | undefined, name: string, v: FactValue): string | undefined {
  if (!def) return 'unknown fact (not a check fact)';
  return (
    factValueProblem(def, v) ??
    (name === 'amount' && typeof v === 'number' && v < 0 ? 'must not be negative' : undefined)
  );
}

/** Problems of a (partial) check fact set: unknown facts, wrong types, values outside the allowed ones, missing required facts. */
export function checkFactProblems(
  partial: Readonly<Record<string, FactValue>>,
  vocabulary = ANY_SCENARIO,
): CheckFactProblem[] {
  const out: CheckFactProblem[] = [];
  for (const [name, v] of Object.entries(partial)) {
    const message = problem(vocabulary.get(name), name, v);
    if (message) out.push({ fact: name, message });
  }
  for (const def of vocabulary.values())
    if (def.required && !(def.name in partial)) out.push({ fact: def.name, message: 'is required' });
  return out;
}

/** A complete check fact set: defaults for facts left out; throws CheckFactsError on any problem. */
export function withCheckDefaults(partial: Readonly<Record<string, FactValue>>, vocabulary = ANY_SCENARIO): Facts {
  const problems = checkFactProblems(partial, vocabulary);
  if (problems.length > 0) throw new CheckFactsError(problems);
  const out: Record<string, FactValue> = {};
  for (const def of vocabulary.values()) out[def.name] = def.name in partial ? partial[def.name] : def.default;
  return out;
}

export interface Transaction {
  readonly scenario: string;
  readonly partyRole: PartyRole;
  /** yuan */
  readonly amount?: number | null;
}

/** The party's tier per industry (from tiering); an industry left out is not tiered. */
export type SubjectTiers = Readonly<Partial<Record<Industry, string | null>>>;

const TRANSACTION_FACT_SET: ReadonlySet<string> = new Set(TRANSACTION_FACTS);

/**
 * The part of a party's check facts its records and tiers give, checked and completed with defaults (every
 * fact but the transaction's): the same for every check of the party that day under the same packs, so a
 * caller may keep it (withTransaction adds the rest).
 */
export function deriveSubjectCheckFacts(
  subject: FactSubject,
  records: readonly FactRecord[],
  asOf: string,
  tiers: SubjectTiers = {},
  lookBack: readonly FactRecord[] = [],
): Facts {
  const partial: Record<string, FactValue> = {
    ...deriveFacts(subject, records, asOf, 'all'),
    // In-force records, plus the penalties past their publicity window the procurement look-back still counts.
    majorViolationPenaltiesLast36Months: procurementMajorViolations(
      [...records.filter((r) => inForceAt(r, asOf)), ...lookBack],
      asOf,
    ).length,
  };
  for (const industry of INDUSTRIES) partial[TIER_FACTS[industry]] = tiers[industry] ?? null;
  const problems = checkFactProblems(partial, ANY_SCENARIO).filter((p) => !TRANSACTION_FACT_SET.has(p.fact));
  if (problems.length > 0) throw new CheckFactsError(problems);
  const out: Record<string, FactValue> = {};
  for (const def of ANY_SCENARIO.values())
    if (!TRANSACTION_FACT_SET.has(def.name)) out[def.name] = def.name in partial ? partial[def.name] : def.default;
  return Object.freeze(out);
}

/** A party's subject facts with the transaction's: the complete check fact set (the transaction's facts checked). */
export function withTransaction(subjectFacts: Facts, transaction: Transaction, vocabulary = ANY_SCENARIO): Facts {
  const given: Record<string, FactValue> = {
    scenario: transaction.scenario,
    partyRole: transaction.partyRole,
    amount: transaction.amount ?? null,
  };
  const problems: CheckFactProblem[] = [];
  for (const name of TRANSACTION_FACTS) {
    const message = problem(vocabulary.get(name), name, given[name]);
    if (message) problems.push({ fact: name, message });
  }
  if (problems.length > 0) throw new CheckFactsError(problems);
  return { ...subjectFacts, ...given };
}

/** The check facts of a party at `asOf`, from its records, the transaction and its tiers. */
export function deriveCheckFacts(
  subject: FactSubject,
  records: readonly FactRecord[],
  asOf: string,
  transaction: Transaction,
  tiers: SubjectTiers = {},
  vocabulary = ANY_SCENARIO,
  lookBack: readonly FactRecord[] = [],
): Facts {
  return withTransaction(deriveSubjectCheckFacts(subject, records, asOf, tiers, lookBack), transaction, vocabulary);
}
