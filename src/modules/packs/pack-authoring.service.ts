import { Injectable } from '@nestjs/common';
import type { PackFinding } from '../../rules';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { blankLegalText } from '../../rules/lint';
import { contentFindings, contentHash, contentVersion } from './pack-content';
import { PackVersionsStore, type NewVersion, type PackVersionRow } from './pack-versions.store';
import {
  DraftConflict,
  NoDraft,
  PackInvalid,
  PackNotFound,
  PackVersionExists,
  PackVersionNotFound,
} from './packs.exception';
import { BUNDLED_IMPORTER, PacksService, type PackChange } from './packs.service';

/** Who publishes an upgrade's bundled pack content (规则包随版本升级). */
export const BUNDLED_UPGRADER = 'bundled-upgrade';
const BUNDLED_PUBLISHERS: readonly string[] = [BUNDLED_IMPORTER, BUNDLED_UPGRADER];

/** What publishBundled did with one bundled pack. */
export interface BundledPublication {
  readonly packId: string;
  /** The version now active. */
  readonly version: string;
  readonly published: boolean;
  readonly why?: string;
}
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
    // A legal basis must be real text (issue 14): a blank title or article is refused, not saved as a finding.
    const blank = blankLegalText(content);
    if (blank.length) throw new ValidationFailed(blank.map((b) => ({ field: `content${b.path}`, reason: b.reason })));
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
      .catch((err: unknown) => {
        const unique = typeof err === 'object' && err !== null && 'code' in err && err.code === '23505';
        throw unique ? new PackVersionExists(packId, version) : err;
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

  /**
   * An upgrade's bundled packs (`rule-packs/`, as `bundledVersions` reads them) published where no rule author has
   * taken over: a pack whose active version came from the bundled files (published by `bundled-import` or an earlier
   * `bundled-upgrade`) and whose file now differs is published as its next version, by `bundled-upgrade`, audited. A
   * pack an author published, or whose file version is already a published version, stays as it is (said why).
   * The re-tier is the caller's (the upgrade job runs one batch for all): no re-tier per pack here.
   */
  async publishBundled(files: readonly NewVersion[], reason: string): Promise<BundledPublication[]> {
    const out: BundledPublication[] = [];
    const actor: Actor = {
      caller: { keyId: BUNDLED_UPGRADER, name: BUNDLED_UPGRADER, scopes: [], scenarios: [], department: null },
    };
    for (const file of files) {
      const versions = await this.store.listVersions(file.packId);
      const active = versions.find((v) => v.active);
      if (!active) continue; // a pack the database does not know yet is imported at start
      const skip = (why: string) => out.push({ packId: file.packId, version: active.version, published: false, why });
      if (active.contentHash === file.contentHash) {
        skip('the active version is the bundled file');
        continue;
      }
      if (!BUNDLED_PUBLISHERS.includes(active.publishedBy ?? '')) {
        skip(
          `version ${active.version} was published by ${active.publishedBy ?? 'unknown'}: an author's, left as it is`,
        );
        continue;
      }
      const same = versions.find((v) => v.version === file.version);
      if (same && same.contentHash === file.contentHash) {
        // The file is an earlier published version (another activated since): it becomes the active one again.
        const pending = this.pending('pack.rollback', actor, { packId: file.packId, versionId: same.id, reason });
        await this.store.activate(file.packId, same.id, BUNDLED_UPGRADER, reason, pending);
        await this.changed('rollback', pending, file.packId, same.id, reason, actor, { bundled: true }, false);
        out.push({ packId: file.packId, version: file.version, published: true });
        continue;
      }
      if (same) {
        skip(`version ${file.version} is already published with other content`);
        continue;
      }
      const findings = contentFindings(
        file.packId,
        file.content,
        `${file.packId}/pack.json`,
        this.packs.packIndustries(),
      );
      if (findings.length > 0) throw new PackInvalid(findings);
      const pending = this.pending('pack.publish', actor, { packId: file.packId, reason, bundled: true });
      const id = await this.store.publish({ ...file, by: BUNDLED_UPGRADER, reason }, pending);
      await this.changed('publish', pending, file.packId, id, reason, actor, { bundled: true }, false);
      out.push({ packId: file.packId, version: file.version, published: true });
    }
    return out;
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
    retier = true,
  ): Promise<PackVersionRow> {
    await this.store.notify(packId, versionId);
    await this.packs.reload();
    // The stored tiers follow the version in force (re-tiered in the background), unless the caller re-tiers itself.
    if (retier) this.packs.announce({ kind, packId, versionId });
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
