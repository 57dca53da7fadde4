import type { Queryable } from '../../common/queryable';
import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app.config';
import { ValidationFailed, type FieldError } from '../../common/problem';
import { draftSubject, type SubjectDraft } from './subject-draft';
import { identifierProblem, isPresent, normaliseIdentifier } from './subject-rules';
import { SubjectExists, SubjectNotFound } from './subjects.exception';
import { SubjectsStore, type SubjectIdentityRow } from './subjects.store';
import { SubjectChanges } from './subject-changes';
import type {
  RegisterSubjectInput,
  ResolveSubjectInput,
  SubjectLookupInput,
  SubjectPage,
  SubjectRef,
  SubjectSearchQuery,
  SubjectView,
  SubjectBatchRef,
} from './subjects.types';
import { isUuid } from '../../common/uuid';

export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 100;
const LIST_LIMIT_MAX = 10_000;

/** A subject's identity as a map key: its code, or the hash of its ID number. */
const identityKey = (code: string | null, idHash: string | null): string =>
  code !== null ? `c:${code}` : `h:${idHash}`;

function toRef(v: SubjectView): SubjectRef {
  return {
    id: v.id,
    kind: v.kind,
    name: v.name,
    code: v.code,
    idMasked: v.idMasked,
    region: v.region,
    registeredOn: v.registeredOn,
    industryCode: v.industryCode,
  };
}

/**
 * Subjects (信用主体): registration, look-up by code or ID number, search, and the references other
 * modules (records, tiering) hold. A resident ID number is hashed (HMAC-SHA256) on the way in and
 * never stored, logged or returned.
 */
@Injectable()
export class SubjectsService {
  constructor(
    private readonly store: SubjectsStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly changes: SubjectChanges,
  ) {}

  /** Keyed hash (HMAC-SHA256, hex) of a resident ID number, as stored in `subjects.id_hash`. */
  idHash(idNumber: string): string {
    return createHmac('sha256', this.config.idHashKey.reveal())
      .update(String(normaliseIdentifier(idNumber)))
      .digest('hex');
  }

  /** Register a new subject; 409 SUBJECT_EXISTS (extension `subjectId`) when the code / ID number is known. */
  async register(input: RegisterSubjectInput): Promise<SubjectView> {
    const draft = draftSubject(input, (id) => this.idHash(id), this.clock.today());
    const created = await this.store.insertIfAbsent(draft);
    if (created) {
      this.changes.announce([created.id]);
      return created;
    }
    const existing = await this.store.findByIdentity(draft);
    // Only a concurrent delete could leave nothing here; subjects are never deleted.
    if (!existing) throw new SubjectNotFound();
    // Still a 409, but the industry code it lacked is kept (行业归属 by code needs it).
    if ((await this.fillIndustryCode(existing, draft.industryCode)) !== existing) this.changes.announce([existing.id]);
    throw new SubjectExists(existing.id, draft.code !== null ? 'code' : 'idNumber');
  }

  /**
   * Resolve many identifiers at once: a map from each given code / ID number to its subject (absent when
   * unknown). Identifiers must already be valid; the ID number is hashed here and never kept.
   */
  async resolveMany(input: {
    codes: readonly string[];
    idNumbers: readonly string[];
  }): Promise<Map<string, SubjectRef>> {
    const hashOf = new Map(input.idNumbers.map((n) => [this.idHash(n), n]));
    const found = await this.store.findByIdentities(input.codes, [...hashOf.keys()]);
    const out = new Map<string, SubjectRef>();
    for (const f of found) {
      if (f.code !== null) out.set(f.code, toRef(f));
      const idNumber = f.idHash ? hashOf.get(f.idHash) : undefined;
      if (idNumber) out.set(idNumber, toRef(f));
    }
    return out;
  }

  async get(id: string): Promise<SubjectView> {
    const [found] = isUuid(id) ? await this.store.findByIds([id]) : [];
    if (!found) throw new SubjectNotFound(`No subject (信用主体) with id ${isUuid(id) ? id : '(not a UUID)'}.`);
    return found;
  }

  async search(q: SubjectSearchQuery): Promise<SubjectPage> {
    const limit = Math.min(Math.max(Math.trunc(q.limit ?? SEARCH_LIMIT_DEFAULT), 1), SEARCH_LIMIT_MAX);
    if (q.cursor !== undefined && !isUuid(q.cursor))
      throw new ValidationFailed([{ field: 'cursor', reason: 'is not a cursor this service issued' }]);
    const code = q.code === undefined ? undefined : String(normaliseIdentifier(q.code));
    const name = q.name?.trim() || undefined;
    const rows = await this.store.search(
      { code, name, kind: q.kind, region: q.region, ids: q.ids },
      limit + 1,
      q.cursor ?? null,
    );
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  /** Find one subject by exactly one of code (USCC) or idNumber (resident ID); 404 when unknown. */
  async lookup(input: SubjectLookupInput): Promise<SubjectView> {
    const code = normaliseIdentifier(input.code);
    const idNumber = normaliseIdentifier(input.idNumber);
    if (isPresent(code) === isPresent(idNumber)) {
      throw new ValidationFailed([
        { field: isPresent(code) ? 'idNumber' : 'code', reason: 'give exactly one of code or idNumber' },
      ]);
    }
    const field = isPresent(code) ? 'code' : 'idNumber';
    const problem = identifierProblem(field, undefined, field === 'code' ? code : idNumber);
    if (problem) throw new ValidationFailed([{ field, reason: problem }]);
    const found = await this.store.findByIdentity(
      field === 'code'
        ? { code: code as string, idHash: null }
        : { code: null, idHash: this.idHash(idNumber as string) },
    );
    if (!found)
      throw new SubjectNotFound(
        `No subject (信用主体) with this ${field === 'code' ? 'unified social credit code' : 'ID number'}.`,
      );
    return found;
  }

  /**
   * Idempotent get-or-create for bulk imports: INSERT … ON CONFLICT DO NOTHING, then SELECT, so that
   * concurrent imports of the same subject agree on one row. An existing subject is returned as it is
   * (its name and kind are not overwritten), except that an industry code it lacks is filled in. Pass the
   * caller's `manager` to stay in its transaction.
   */
  async resolveOrRegister(input: ResolveSubjectInput, manager?: EntityManager): Promise<SubjectRef> {
    const draft = draftSubject(input, (id) => this.idHash(id), this.clock.today());
    const created = await this.store.insertIfAbsent(draft, manager);
    // In the caller's transaction the caller announces once it committed (RecordsService.changes$).
    if (created) {
      if (!manager) this.changes.announce([created.id]);
      return toRef(created);
    }
    const existing = await this.store.findByIdentity(draft, manager);
    if (!existing) throw new SubjectNotFound('The subject could not be created nor found; retry the import.');
    const filled = await this.fillIndustryCode(existing, draft.industryCode, manager);
    if (!manager && filled !== existing) this.changes.announce([existing.id]);
    return toRef(filled);
  }

  /**
   * resolveOrRegister on each input in turn, in a few statements (bulk imports), in the caller's transaction
   * `manager`: each input's subject id, or the field errors (subject field names) that refuse it. The first
   * valid input naming a subject registers it (name, kind…); its industry code, when it has none, is the first
   * one a later input gives. New subjects are inserted in the order given: give them in a stable order (two
   * imports then lock alike).
   */
  async resolveOrRegisterMany(
    inputs: readonly ResolveSubjectInput[],
    manager: EntityManager,
  ): Promise<Array<string | readonly FieldError[]>> {
    const today = this.clock.today();
    const out: Array<string | readonly FieldError[]> = [];
    const drafts = new Map<string, SubjectDraft>();
    /** Per subject, the first industry code an input gives: what one-by-one calls would leave. */
    const industry = new Map<string, string>();
    const identityAt: (string | null)[] = inputs.map((input, i) => {
      try {
        const draft = draftSubject(input, (id) => this.idHash(id), today);
        const key = identityKey(draft.code, draft.idHash);
        if (!drafts.has(key)) drafts.set(key, draft);
        if (draft.industryCode !== null && !industry.has(key)) industry.set(key, draft.industryCode);
        return key;
      } catch (err) {
        if (!(err instanceof ValidationFailed)) throw err;
        out[i] = err.errors ?? [];
        return null;
      }
    });
    const rows = new Map<string, SubjectIdentityRow>();
    for (const r of await this.store.insertManyIfAbsent([...drafts.values()], manager))
      rows.set(identityKey(r.code, r.id_hash), r);
    const rest = [...drafts.values()].filter((d) => !rows.has(identityKey(d.code, d.idHash)));
    const found = await this.store.identitiesOf(
      rest.flatMap((d) => (d.code !== null ? [d.code] : [])),
      rest.flatMap((d) => (d.idHash !== null ? [d.idHash] : [])),
      manager,
    );
    for (const r of found) rows.set(identityKey(r.code, r.id_hash), r);
    const fills: { id: string; industryCode: string }[] = [];
    for (const key of drafts.keys()) {
      const r = rows.get(key);
      if (!r) throw new SubjectNotFound('The subject could not be created nor found; retry the import.');
      const code = industry.get(key);
      if (code !== undefined && r.industry_code === null) fills.push({ id: r.id, industryCode: code });
    }
    await this.store.fillIndustryCodes(fills, manager);
    identityAt.forEach((k, i) => {
      if (k !== null) out[i] = rows.get(k)!.id;
    });
    return out;
  }

  /** A subject without an industry code gets the one given; one it has is kept (a different code is no error). */
  private async fillIndustryCode(
    existing: SubjectView,
    industryCode: string | null,
    manager?: EntityManager,
  ): Promise<SubjectView> {
    if (industryCode === null || existing.industryCode !== null) return existing;
    return (await this.store.fillIndustryCode(existing.id, industryCode, manager)) ?? existing;
  }

  /** The distinct (code, name) of organisations with a code, only those of `ids` when given (data quality's 重错码). */
  codedNames(ids: readonly string[] | null, db?: Queryable): Promise<Array<{ code: string; name: string }>> {
    return this.store.codedNames(ids, db);
  }

  async findRefs(ids: string[]): Promise<Map<string, SubjectRef>> {
    const valid = [...new Set(ids.filter((id) => isUuid(id)).map((id) => id.toLowerCase()))];
    const rows = await this.store.findByIds(valid);
    return new Map(rows.map((r) => [r.id, toRef(r)]));
  }

  /** Keyset over all subjects ordered by id, for batch jobs: pass the last id of a page to get the next. */
  async listRefs(afterId: string | null, limit: number): Promise<SubjectRef[]> {
    if (afterId !== null && !isUuid(afterId))
      throw new ValidationFailed([{ field: 'afterId', reason: 'must be a UUID' }]);
    const n = Math.min(Math.max(Math.trunc(limit) || 1, 1), LIST_LIMIT_MAX);
    return (await this.store.listAfter(afterId, n)).map(toRef);
  }

  /** As listRefs, with only what a batch reads of each subject (id, kind, registration date, industry code). */
  async listBatchRefs(afterId: string | null, limit: number): Promise<SubjectBatchRef[]> {
    if (afterId !== null && !isUuid(afterId))
      throw new ValidationFailed([{ field: 'afterId', reason: 'must be a UUID' }]);
    return this.store.batchRefsAfter(afterId, Math.min(Math.max(Math.trunc(limit) || 1, 1), LIST_LIMIT_MAX));
  }

  count(): Promise<number> {
    return this.store.count();
  }
}
