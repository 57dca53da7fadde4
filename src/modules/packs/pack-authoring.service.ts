import { Injectable } from '@nestjs/common';
import type { PackFinding } from '../../rules';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { contentFindings, contentHash, contentVersion } from './pack-content';
import { PackVersionsStore, type PackVersionRow } from './pack-versions.store';
import {
  DraftConflict,
  NoDraft,
  PackInvalid,
  PackNotFound,
  PackVersionExists,
  PackVersionNotFound,
} from './packs.exception';
import { PacksService, type PackChange } from './packs.service';
import { randomUUID } from 'node:crypto';
import type { PendingAudit } from '../audit/audit-outbox';
import { ValidationFailed } from '../../common/problem';

export interface DraftView {
  readonly packId: string;
  /** 0: no draft saved yet; the content is then the active version's. */
  readonly revision: number;
  readonly content: unknown;
  readonly updatedBy: string | null;
  readonly updatedAt: Date | null;
  readonly valid: boolean;
  readonly findings: readonly PackFinding[];
}

export interface Actor {
  readonly caller: Caller;
  readonly operator?: string;
}

const who = (a: Actor) => a.operator ?? a.caller.name;

/** A pack id as pack.schema.json allows it: anything else (a NUL, a path) is not found, and never reaches a query. */
const PACK_ID = /^[a-z][a-z0-9_-]{1,40}$/;
function knownShape(packId: string): void {
  if (!PACK_ID.test(packId)) throw new PackNotFound(packId);
}

/** Drafts, publication and rollback of rule packs (规则包编辑、发布与回滚); every change is audited. */
/** `\u0000`, or a surrogate escape not part of a pair, in JSON.stringify's output. */
const UNSTORABLE_JSON =
  /\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f][0-9a-f]{2})|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i;

@Injectable()
export class PackAuthoringService {
  constructor(
    private readonly store: PackVersionsStore,
    private readonly packs: PacksService,
    private readonly audit: AuditService,
  ) {}

  async versions(packId: string): Promise<PackVersionRow[]> {
    knownShape(packId);
    const rows = await this.store.listVersions(packId);
    if (rows.length === 0) throw new PackNotFound(packId);
    return rows;
  }

  /** One published version with its content (for reading and diffing versions). */
  async versionContent(packId: string, seq: number): Promise<PackVersionRow & { content: unknown }> {
    knownShape(packId);
    const row = await this.store.versionBySeq(packId, seq);
    if (!row) throw new PackVersionNotFound(packId, `#${seq}`);
    return row;
  }

  async draft(packId: string): Promise<DraftView> {
    knownShape(packId);
    const d = await this.store.draft(packId);
    if (d) return this.view(packId, d.revision, d.content, d.updatedBy, d.updatedAt);
    const active = (await this.store.activeRows()).find((r) => r.packId === packId);
    if (!active) throw new PackNotFound(packId);
    return this.view(packId, 0, active.content, null, null);
  }

  /** Save if the draft is still at `revision`; a stale revision is 409 DRAFT_CONFLICT. Invalid content is saved with its findings. */
  async saveDraft(packId: string, revision: number, content: unknown, actor: Actor): Promise<DraftView> {
    // PostgreSQL jsonb holds neither NUL nor an unpaired UTF-16 surrogate: refused here, not a database error (500).
    if (UNSTORABLE_JSON.test(JSON.stringify(content) ?? ''))
      throw new ValidationFailed([
        { field: 'content', reason: 'must not contain NUL characters or unpaired UTF-16 surrogates' },
      ]);
    knownShape(packId);
    if ((await this.store.listVersions(packId)).length === 0) throw new PackNotFound(packId);
    const saved = await this.store.saveDraft(packId, revision, content, who(actor));
    if (!saved) throw new DraftConflict(packId, revision, (await this.store.draft(packId))?.revision ?? 0);
    return this.view(packId, saved.revision, saved.content, saved.updatedBy, saved.updatedAt);
  }

  /** Validate the draft, store it as the next immutable version, activate it, tell every instance, audit. */
  /** Publish the draft; with `expectedRevision` (If-Match), only if it is still that revision (409 DRAFT_CONFLICT). */
  async publish(packId: string, reason: string, actor: Actor, expectedRevision?: number): Promise<PackVersionRow> {
    knownShape(packId);
    const d = await this.store.draft(packId);
    if (!d) throw new NoDraft(packId);
    if (expectedRevision !== undefined && expectedRevision !== d.revision)
      throw new DraftConflict(packId, expectedRevision, d.revision);
    const findings = contentFindings(packId, d.content, `draft r${d.revision}`, this.packs.packIndustries());
    if (findings.length > 0) throw new PackInvalid(findings);
    const version = contentVersion(packId, d.content)!;
    if ((await this.store.listVersions(packId)).some((v) => v.version === version))
      throw new PackVersionExists(packId, version);
    const pending = this.pending('pack.publish', actor, { packId, reason, draftRevision: d.revision });
    const id = await this.store
      .publish(
        { packId, version, content: d.content, contentHash: contentHash(d.content), by: who(actor), reason },
        pending,
      )
      .catch((err: { code?: string }) => {
        throw err.code === '23505' ? new PackVersionExists(packId, version) : err;
      });
    return this.changed('publish', pending, packId, id, reason, actor, { draftRevision: d.revision });
  }

  /** Re-activate an earlier published version. */
  async rollback(packId: string, versionId: string, reason: string, actor: Actor): Promise<PackVersionRow> {
    knownShape(packId);
    const target = await this.store.version(packId, versionId);
    if (!target || target.status !== 'published') throw new PackVersionNotFound(packId, versionId);
    const from = this.packs.snapshot().signature;
    const pending = this.pending('pack.rollback', actor, { packId, versionId: target.id, reason });
    await this.store.activate(packId, target.id, who(actor), reason, pending);
    return this.changed('rollback', pending, packId, target.id, reason, actor, { previous: from });
  }

  private view(
    packId: string,
    revision: number,
    content: unknown,
    updatedBy: string | null,
    updatedAt: Date | null,
  ): DraftView {
    const findings = contentFindings(
      packId,
      content,
      revision === 0 ? 'active' : `draft r${revision}`,
      this.packs.packIndustries(),
    );
    return { packId, revision, content, updatedBy, updatedAt, valid: findings.length === 0, findings };
  }

  /** The entry a publication or rollback will become, staged in its transaction (audit outbox). */
  private pending(kind: string, actor: Actor, request: Record<string, unknown>): PendingAudit {
    return { entryId: randomUUID(), kind, caller: actor.caller.name, operator: actor.operator ?? null, request };
  }

  private async changed(
    kind: PackChange['kind'],
    pending: PendingAudit,
    packId: string,
    versionId: string,
    reason: string,
    actor: Actor,
    extra: object,
  ): Promise<PackVersionRow> {
    await this.store.notify(packId, versionId);
    await this.packs.reload();
    this.packs.announce({ kind, packId, versionId }); // the stored tiers follow the version in force (re-tiered in the background)
    const row = (await this.store.version(packId, versionId))!;
    await this.audit.append({
      id: pending.entryId,
      kind: pending.kind,
      caller: actor.caller.name,
      operator: actor.operator ?? null,
      request: { packId, versionId, reason, ...extra },
      response: {
        packId,
        versionId,
        seq: row.seq,
        version: row.version,
        contentHash: row.contentHash,
        active: row.active,
      },
      packVersions: this.packs.versions(),
    });
    return row;
  }
}
