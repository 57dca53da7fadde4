import { basename } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../../config/app.config';
import type { Industry, LoadedMeasures, SubjectKind } from '../../rules';
import type { PackIndustry } from '../../rules/tiers';
import { AuditService } from '../audit/audit.service';
import { bundledVersions } from './bundled-import';
import { buildSnapshot, type ActivePack, type PackSnapshot } from './pack-snapshot';
import { PackVersionsStore } from './pack-versions.store';
import { PackNotFound } from './packs.exception';

export type { ActivePack, PackSnapshot } from './pack-snapshot';

export const BUNDLED_IMPORTER = 'bundled-import';

/** A publication or rollback that changed the version a pack evaluates with. */
export interface PackChange {
  readonly kind: 'publish' | 'rollback';
  readonly packId: string;
  readonly versionId: string;
}

/**
 * The rule packs in force: the ACTIVE versions in the database (`pack_active`). On a database that
 * does not know a bundled pack yet, `rule-packs/` is imported as its published version 1 and activated;
 * afterwards the files are only an import source. The set is compiled completely and swapped whole
 * (`reload`), never edited in place: hold one `snapshot()` for the whole of an evaluation.
 */
@Injectable()
export class PacksService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(PacksService.name);
  private current?: PackSnapshot;
  private reloading: Promise<boolean> = Promise.resolve(false);
  private readonly changed = new Subject<PackChange>();
  /** Publications and rollbacks made through this instance, once committed and loaded here (tiering re-tiers on them). */
  readonly changes$: Observable<PackChange> = this.changed.asObservable();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly store: PackVersionsStore,
  ) {}

  async onModuleInit(): Promise<void> {
    const known = await this.store.knownPacks();
    for (const v of bundledVersions(this.config.rulePacksDir, BUNDLED_IMPORTER)) {
      if (!known.has(v.packId)) await this.store.importFirst(v);
    }
    this.current = buildSnapshot(await this.store.activeRows());
    this.logger.log(
      `Rule packs loaded: ${Object.entries(this.current.versions)
        .map(([id, v]) => `${id}@${v}`)
        .join(', ')}`,
    );
  }

  /** The rule set this instance evaluates with goes into the audit trail (which versions decided what). */
  async onApplicationBootstrap(): Promise<void> {
    const s = this.snapshot();
    await this.audit.append({
      kind: 'pack.load',
      // The folder's name: audit entries are answered to callers, the server's file system is not.
      request: { source: 'database', importSource: basename(this.config.rulePacksDir) },
      response: {
        packs: s.packs.map((p) => ({
          id: p.pack.id,
          version: p.pack.version,
          versionId: p.versionId,
          effectiveDate: p.pack.effectiveDate,
          contentHash: p.contentHash,
        })),
        measures: { version: s.measures.version, versionId: s.measuresVersionId, contentHash: s.measures.contentHash },
      },
      packVersions: s.versions,
    });
  }

  /**
   * Load the active set from the database, compile all of it, then swap. Calls queue (one load at a
   * time). A set that fails to compile is refused whole: the previous snapshot stays. True when swapped.
   */
  reload(): Promise<boolean> {
    this.reloading = this.reloading.then(
      () => this.loadAndSwap(),
      () => this.loadAndSwap(),
    );
    return this.reloading;
  }

  private async loadAndSwap(): Promise<boolean> {
    try {
      const rows = await this.store.activeRows();
      const before = this.current?.signature;
      const next = buildSnapshot(rows);
      if (next.signature === before) return false;
      this.current = next;
      this.logger.log(
        `Rule packs swapped: ${Object.entries(next.versions)
          .map(([id, v]) => `${id}@${v}`)
          .join(', ')}`,
      );
      return true;
    } catch (err) {
      this.logger.error(`Rule pack reload refused, the previous set stays in force: ${(err as Error).message}`);
      return false;
    }
  }

  /** Tell this instance's listeners that a publication or rollback committed and was loaded. */
  announce(change: PackChange): void {
    this.changed.next(change);
  }

  /** The whole frozen set in force now: packs, measures and their versions, consistent with each other. */
  snapshot(): PackSnapshot {
    if (!this.current) throw new Error('rule packs are not loaded yet');
    return this.current;
  }

  /** Every active pack (a frozen snapshot: hold on to it for the whole of one evaluation). */
  active(): readonly ActivePack[] {
    return this.snapshot().packs;
  }

  /** The joint reward and punishment measures (联合奖惩措施): catalogue and compiled measure rules. */
  measures(): LoadedMeasures {
    return this.snapshot().measures;
  }

  /** Versions of everything a check evaluates with, e.g. {"tax": "1.0.0", …, "measures": "1.0.0"}. */
  versions(): Record<string, string> {
    return { ...this.snapshot().versions };
  }

  /** The active packs that apply to a kind of subject. */
  forSubjectKind(kind: SubjectKind): readonly ActivePack[] {
    return this.active().filter((p) => p.pack.appliesTo.includes(kind));
  }

  get(id: string): ActivePack {
    const found = this.active().find((p) => p.pack.id === id);
    if (!found) throw new PackNotFound(id);
    return found;
  }

  industries(): Industry[] {
    return [...new Set(this.active().map((p) => p.pack.industry))];
  }

  /** Each active tier pack's id and industry (a draft may not take another pack's industry). */
  packIndustries(): PackIndustry[] {
    return this.active().map((p) => ({ id: p.pack.id, industry: p.pack.industry }));
  }
}
