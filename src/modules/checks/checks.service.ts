import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../../config/app.config';
import { Clock } from '../../common/clock';
import { FieldError, ValidationFailed } from '../../common/problem';
import { maskIdNumber, scrubIdNumbers } from '../../common/pii';
import { usccSubjectKind } from '../../common/identifiers/uscc';
import { verdictRank, VERDICTS, type Verdict } from '../../rules/measures';
import { AuditService } from '../audit/audit.service';
import type { AuditEntryView } from '../audit/audit.types';
import { AuditEntryNotFound } from '../audit/audit.exception';
import { assertScenarioAllowed, type Caller } from '../auth/caller';
import { PacksService } from '../packs/packs.service';
import { RecordsService } from '../records/records.service';
import { SubjectsService } from '../subjects/subjects.service';
import { TieringService } from '../tiering/tiering.service';
import { storedCheckResult, type CheckAnswer, type CheckPartyResult, type CheckResult } from './check.types';
import { CheckNotFound, IdempotencyConflict } from './checks.exception';
import type { CheckRequestDto } from './dto/check-request.dto';
import { evaluateParty, type PartyInput } from './party-evaluation';
import { requestHash } from './request-hash';

/**
 * The "逢办必查" check: every party of a transaction against the joint reward and punishment measures.
 * The answer leaves only after its audit entry committed (an answered check is an audited check); a
 * retry under the same Idempotency-Key returns the first answer and writes nothing.
 */
@Injectable()
export class ChecksService {
  /** Every check answered for the first time (not a replay), after its audit entry committed: for the metrics. */
  readonly answered$ = new Subject<{ readonly scenario: string; readonly verdict: Verdict }>();

  constructor(
    private readonly packs: PacksService,
    private readonly subjects: SubjectsService,
    private readonly records: RecordsService,
    private readonly tiering: TieringService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(caller: Caller, body: CheckRequestDto, idempotencyKey?: string): Promise<CheckAnswer> {
    this.validate(caller, body);
    const hash = requestHash(body, this.config.idHashKey.reveal());
    if (idempotencyKey) {
      const earlier = await this.audit.findByIdempotencyKey(caller.name, idempotencyKey);
      if (earlier) return replay(earlier, hash);
    }
    const result = await this.evaluate(caller, body);
    const { duplicate, entry } = await this.audit.append({
      id: result.checkId,
      kind: 'check',
      caller: caller.name,
      operator: body.operator ?? null,
      scenario: body.scenario,
      subjectIds: result.parties.flatMap((p) => (p.subjectId ? [p.subjectId] : [])),
      idempotencyKey: idempotencyKey ?? null,
      requestHash: hash,
      request: body, // reduced to plain, masked JSON by the audit (toAuditJson)
      response: result,
      packVersions: result.packVersions,
    });
    if (duplicate) return replay(entry, hash);
    this.answered$.next({ scenario: result.scenario, verdict: result.verdict });
    return { ...result, audit: receipt(entry), replayed: false };
  }

  /** A check as it was answered, for the caller that made it (or an admin). */
  async get(caller: Caller, id: string): Promise<CheckAnswer> {
    // Only "no such entry" is a 404: a database failure must stay a 5xx, never look like a missing check.
    const entry = await this.audit.get(id).catch((e: unknown) => {
      if (e instanceof AuditEntryNotFound) return null;
      throw e;
    });
    if (!entry || entry.kind !== 'check' || (entry.caller !== caller.name && !caller.scopes.includes('admin')))
      throw new CheckNotFound(id);
    return { ...storedCheckResult(entry), audit: receipt(entry), replayed: true };
  }

  private validate(caller: Caller, body: CheckRequestDto): void {
    const scenarios = this.packs.measures().catalogue.scenarios.map((s) => s.code);
    if (!scenarios.includes(body.scenario)) {
      throw new ValidationFailed([{ field: 'scenario', reason: `must be one of ${scenarios.join(', ')}` }]);
    }
    assertScenarioAllowed(caller, body.scenario);
    const errors: FieldError[] = [];
    body.parties.forEach((p, i) => {
      if (!p.code === !p.idNumber)
        errors.push({ field: `parties[${i}].code`, reason: 'give exactly one of code and idNumber' });
    });
    if (errors.length) throw new ValidationFailed(errors);
  }

  private async evaluate(caller: Caller, body: CheckRequestDto): Promise<CheckResult> {
    const asOf = this.clock.today();
    const snapshot = this.packs.snapshot(); // one rule set for the whole check, even if a publish swaps it meanwhile
    const { measures } = snapshot;
    const found = await this.subjects.resolveMany({
      codes: body.parties.flatMap((p) => (p.code ? [p.code] : [])),
      idNumbers: body.parties.flatMap((p) => (p.idNumber ? [p.idNumber] : [])),
    });
    const ids = [...new Set([...found.values()].map((s) => s.id))];
    // Three independent reads, together: the check waits for the slowest, not for their sum.
    const [{ records, citations }, lookBack, assignments] = await Promise.all([
      this.records.recordsInForceWithCitations(ids, asOf),
      this.records.procurementLookBack(ids, asOf),
      this.tiering.assignmentsFor(ids),
    ]);
    for (const [id, c] of lookBack.citations) if (!citations.has(id)) citations.set(id, c);
    const parties: CheckPartyResult[] = body.parties.map((p, index) => {
      const subject = found.get((p.code ?? p.idNumber)!) ?? null;
      const recs = subject ? (records.get(subject.id) ?? []) : [];
      const input: PartyInput = {
        index,
        role: p.role,
        identifier: p.code ? { code: p.code } : { idNumberMasked: maskIdNumber(p.idNumber!) },
        subject,
        inferredKind: p.code ? usccSubjectKind(p.code) : 'natural_person',
        records: recs,
        lookBack: subject ? (lookBack.records.get(subject.id) ?? []) : [],
        tiers: subject
          ? this.tiering.tiersFor(subject, recs, asOf, snapshot.packs, assignments.get(subject.id) ?? [])
          : [],
      };
      return evaluateParty(
        input,
        measures,
        citations,
        { scenario: body.scenario, amount: body.transaction.amount },
        asOf,
      );
    });
    const verdict = parties.reduce<Verdict>(
      (w, p) => (verdictRank(p.verdict) < verdictRank(w) ? p.verdict : w),
      VERDICTS[VERDICTS.length - 1],
    );
    return {
      checkId: randomUUID(),
      checkedAt: this.clock.now().toISOString(),
      asOf,
      caller: caller.name,
      scenario: body.scenario,
      // A caller's reference may carry a personal ID number (a loan file number…): answered masked, like everything else.
      transaction: {
        reference: scrubIdNumbers(body.transaction.reference),
        kind: body.transaction.kind,
        amount: body.transaction.amount,
      },
      verdict,
      parties,
      packVersions: { ...snapshot.versions },
    };
  }
}

function receipt(entry: AuditEntryView): CheckAnswer['audit'] {
  return { entryId: entry.id, seq: entry.seq, hash: entry.hash, algorithm: entry.algorithm };
}

function replay(entry: AuditEntryView, hash: string): CheckAnswer {
  if (entry.kind !== 'check' || entry.requestHash !== hash) throw new IdempotencyConflict();
  return { ...storedCheckResult(entry), audit: receipt(entry), replayed: true };
}
