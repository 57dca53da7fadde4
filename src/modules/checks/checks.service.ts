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
import { CreditStateService, type PartyState } from '../credit-state/credit-state.service';
import type { ActivePack } from '../packs/packs.service';
import { TieringService } from '../tiering/tiering.service';
import { storedCheckResult, type CheckAnswer, type CheckPartyResult, type CheckResult } from './check.types';
import { CheckNotFound, IdempotencyConflict } from './checks.exception';
import type { CheckRequestDto } from './dto/check-request.dto';
import { evaluateParty, subjectFactsOf, type PartyInput, type PartyTier } from './party-evaluation';
import type { Facts } from '../../rules/shared';
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
    private readonly state: CreditStateService,
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

  /**
   * The answer of a check. `fresh` reads every party's state from the database, whatever this instance keeps
   * (the differential test compares the two; nothing else needs it).
   */
  async evaluate(caller: Caller, body: CheckRequestDto, opts: { fresh?: boolean } = {}): Promise<CheckResult> {
    const asOf = this.clock.today();
    const snapshot = this.packs.snapshot(); // one rule set for the whole check, even if a publish swaps it meanwhile
    const { measures } = snapshot;
    const states = await this.state.statesFor(body.parties, asOf, opts);
    const parties: CheckPartyResult[] = body.parties.map((p, index) => {
      const state = states.get((p.code ?? p.idNumber)!) ?? null;
      const derived = state ? this.derivedOf(state, asOf, snapshot.packs) : null;
      const input: PartyInput = {
        index,
        role: p.role,
        identifier: p.code ? { code: p.code } : { idNumberMasked: maskIdNumber(p.idNumber!) },
        subject: state?.subject ?? null,
        inferredKind: p.code ? usccSubjectKind(p.code) : 'natural_person',
        records: state?.records ?? [],
        lookBack: state?.lookBack ?? [],
        tiers: derived?.tiers ?? [],
        subjectFacts: derived?.facts,
      };
      return evaluateParty(
        input,
        measures,
        state?.citations ?? new Map(),
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

  /**
   * A party's tiers and check facts under one rule set: derived once per kept state and pack set (a pure
   * function of both and the day), then reused by every check of the party.
   */
  private derivedOf(state: PartyState, asOf: string, packs: readonly ActivePack[]): Derived {
    if (state.memo?.key === packs) return state.memo.value as Derived;
    const tiers = this.tiering
      .tiersFor(state.subject, state.records, asOf, packs, state.assignments)
      .map(({ evaluation: e }) => ({
        industry: e.industry,
        tier: e.tier,
        score: e.score,
        pack: e.packId,
        version: e.version,
      }));
    const facts = subjectFactsOf({ ...state, inferredKind: state.subject.kind, tiers }, asOf);
    const derived: Derived = { tiers, facts };
    state.memo = { key: packs, value: derived };
    return derived;
  }
}

interface Derived {
  readonly tiers: readonly PartyTier[];
  readonly facts: Facts;
}

function receipt(entry: AuditEntryView): CheckAnswer['audit'] {
  return { entryId: entry.id, seq: entry.seq, hash: entry.hash, algorithm: entry.algorithm };
}

function replay(entry: AuditEntryView, hash: string): CheckAnswer {
  if (entry.kind !== 'check' || entry.requestHash !== hash) throw new IdempotencyConflict();
  return { ...storedCheckResult(entry), audit: receipt(entry), replayed: true };
}
