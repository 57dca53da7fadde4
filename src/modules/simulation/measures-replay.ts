import { Injectable } from '@nestjs/common';
import { usccSubjectKind } from '../../common/identifiers/uscc';
import { deriveCheckFacts, type PartyRole } from '../../rules/facts';
import { type Facts, type Industry, CheckFactsError } from '../../rules/shared';
import { evaluateMeasures, type LoadedMeasures, verdictRank, VERDICTS, type Verdict } from '../../rules/measures';
import { AuditService } from '../audit/audit.service';
import { storedCheckResult, type CheckResult } from '../checks/check.types';
import { RecordsService } from '../records/records.service';
import { SubjectsService } from '../subjects/subjects.service';

export interface ReplayedCheck {
  readonly checkId: string;
  readonly checkedAt: string;
  readonly caller: string;
  readonly scenario: string;
  /** As answered then, as the active measures give it now, and as the draft would give it. */
  readonly answered: Verdict;
  readonly active: Verdict;
  readonly draft: Verdict;
}

const MAX_CHECKS = 20_000;

/** A scenario the measures (the draft, or the active ones after a later version dropped it) do not have applies no measure of it: the party would pass. */
function verdictUnder(measures: LoadedMeasures, facts: Facts): Verdict {
  try {
    return evaluateMeasures(measures.rules, facts).verdict;
  } catch (e) {
    if (e instanceof CheckFactsError) return 'pass';
    throw e;
  }
}
const worst = (vs: Verdict[]) =>
  vs.reduce<Verdict>((w, v) => (verdictRank(v) < verdictRank(w) ? v : w), VERDICTS[VERDICTS.length - 1]);

/**
 * Replays the checks of a past period from the audit trail against a measures draft: each party as of the
 * check's own date, with the tiers the check used, under the active measures and under the draft — the
 * checks whose verdict the draft alone would change.
 */
@Injectable()
export class MeasuresReplay {
  constructor(
    private readonly audit: AuditService,
    private readonly subjects: SubjectsService,
    private readonly records: RecordsService,
  ) {}

  async replay(
    active: LoadedMeasures,
    draft: LoadedMeasures,
    from: string,
    to: string,
  ): Promise<{ replayed: number; changed: ReplayedCheck[]; truncated: boolean }> {
    const changed: ReplayedCheck[] = [];
    let replayed = 0;
    for (let after = 0; replayed < MAX_CHECKS;) {
      const page = await this.audit.list({ kind: 'check', from, to }, after, 500);
      if (!page.items.length) break;
      after = page.items[page.items.length - 1].seq;
      for (const entry of page.items) {
        const check = storedCheckResult(entry);
        const v = await this.verdicts(check, active, draft);
        replayed += 1;
        if (v.active !== v.draft)
          changed.push({
            checkId: check.checkId,
            checkedAt: check.checkedAt,
            caller: check.caller,
            scenario: check.scenario,
            answered: check.verdict,
            ...v,
          });
      }
    }
    return { replayed, changed, truncated: replayed >= MAX_CHECKS };
  }

  private async verdicts(
    check: CheckResult,
    active: LoadedMeasures,
    draft: LoadedMeasures,
  ): Promise<{ active: Verdict; draft: Verdict }> {
    const ids = check.parties.flatMap((p) => (p.subjectId ? [p.subjectId] : []));
    const refs = await this.subjects.findRefs(ids);
    const recs = await this.records.recordsInForceFor(ids, check.asOf);
    const a: Verdict[] = [];
    const d: Verdict[] = [];
    for (const p of check.parties) {
      const ref = p.subjectId ? refs.get(p.subjectId) : undefined;
      const tiers: Partial<Record<Industry, string>> = {};
      for (const t of p.tiers) tiers[t.industry as Industry] = t.tier;
      const facts = deriveCheckFacts(
        {
          kind: ref?.kind ?? (p.identifier.code ? usccSubjectKind(p.identifier.code) : 'natural_person'),
          registeredOn: ref?.registeredOn ?? null,
        },
        (p.subjectId ? recs.get(p.subjectId) : undefined) ?? [],
        check.asOf,
        { scenario: check.scenario, partyRole: p.role as PartyRole, amount: check.transaction.amount ?? null },
        tiers,
      );
      a.push(verdictUnder(active, facts));
      d.push(verdictUnder(draft, facts));
    }
    return { active: worst(a), draft: worst(d) };
  }
}
