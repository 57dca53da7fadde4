/**
 * An approval system's side of 逢办必查, as a tendering platform (公共资源交易平台) does it before the bid opening:
 * check every bidder, read each one's measures with their legal basis and the records behind them, decide what
 * to do with each bidder, and report back to the credit engine what was applied (结果反馈).
 * Exercised against the real service by test/e2e/integration-example.e2e.spec.ts; compiled by `npm run typecheck`.
 */
import { ok, type CheckAnswer, type CreditEngineClient, type FeedbackItem, type PartyResult } from './credit-client';

export interface Tender {
  /** The platform's project number: also the Idempotency-Key's base, so a retried check is answered once. */
  readonly reference: string;
  readonly kind: string;
  /** 元 */
  readonly amount: number;
  readonly operator: string;
  /** A unified social credit code, or a natural person's resident ID number (sent, never shown back in full). */
  readonly bidders: ReadonlyArray<{ readonly code?: string; readonly idNumber?: string; readonly name?: string }>;
}

/** What the platform does with a bidder (the platform's own policy, from the verdict). */
export type Action = 'exclude' | 'admit-restricted' | 'admit-with-review' | 'admit';

export interface BidderDecision {
  readonly partyIndex: number;
  /** The registered name, or how the bidder was named: its code, or its ID number masked. */
  readonly shownAs: string;
  readonly verdict: PartyResult['verdict'];
  readonly action: Action;
  /** One line per measure: its name, legal basis and the records in force behind it. */
  readonly reasons: string[];
  readonly feedback: FeedbackItem[];
}

const ACTIONS: Record<PartyResult['verdict'], Action> = {
  block: 'exclude',
  restrict: 'admit-restricted',
  scrutinise: 'admit-with-review',
  reward: 'admit',
  pass: 'admit',
};

/** Check every bidder of a tender (POST /api/v1/checks), safe to retry with the same tender. */
export async function checkTender(client: CreditEngineClient, tender: Tender): Promise<CheckAnswer> {
  return ok(
    await client.POST('/api/v1/checks', {
      params: { header: { 'idempotency-key': `${tender.reference}-bid-opening` } },
      body: {
        scenario: 'tendering',
        transaction: { reference: tender.reference, kind: tender.kind, amount: tender.amount },
        parties: tender.bidders.map((b) => ({ ...b, role: 'bidder' as const })),
        operator: tender.operator,
      },
    }),
  );
}

/**
 * The platform's decision per bidder, and its feedback per measure: penalties are applied (the bid is excluded or
 * restricted, or reviewed); this platform's scoring rules give no credit bonus, so rewards are not applied, said why.
 */
export function decide(answer: CheckAnswer): BidderDecision[] {
  return answer.parties.map((party) => ({
    partyIndex: party.index,
    shownAs: party.name ?? party.identifier.code ?? party.identifier.idNumberMasked ?? `bidder ${party.index + 1}`,
    verdict: party.verdict,
    action: ACTIONS[party.verdict],
    reasons: party.measures.map(
      (m) =>
        `${m.nameZh}（${m.legalBasis.titleZh ?? m.legalBasis.title}${m.legalBasis.article ? ` ${m.legalBasis.article}` : ''}）: ` +
        m.triggeredBy.map((r) => `${r.source} ${r.decisionNumber}`).join('; '),
    ),
    feedback: party.measures.map((m): FeedbackItem =>
      m.kind === 'penalty'
        ? { partyIndex: party.index, measure: m.code, applied: true, outcome: outcomeOf(party.verdict) }
        : { partyIndex: party.index, measure: m.code, applied: false, reason: '评标办法未设信用加分' },
    ),
  }));
}

const outcomeOf = (verdict: PartyResult['verdict']) =>
  verdict === 'block' ? '取消其投标资格' : verdict === 'restrict' ? '限制其中标资格' : '评标时重点审查';

/** Report what was applied (POST /api/v1/checks/{id}/feedback); nothing to report when no measure applied. */
export async function reportFeedback(
  client: CreditEngineClient,
  checkId: string,
  operator: string,
  decisions: readonly BidderDecision[],
): Promise<number> {
  const items = decisions.flatMap((d) => d.feedback);
  if (items.length === 0) return 0;
  const stored = ok(
    await client.POST('/api/v1/checks/{id}/feedback', { params: { path: { id: checkId } }, body: { operator, items } }),
  );
  return stored.items.length;
}
