import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { APP_CONFIG, AppConfig } from '../../config/app.config';
import { compilePack, CompiledPack, Industry, LoadedPack, loadPacks, SubjectKind } from '../../rules';
import { loadMeasures, type LoadedMeasures } from '../../rules/measures.loader';
import { NotFound } from '../../common/problem';

/** A loaded, compiled pack and the hash of the file it came from (the version's fingerprint). */
export interface ActivePack {
  readonly compiled: CompiledPack;
  readonly pack: LoadedPack;
  readonly contentHash: string;
}

/**
 * The rule packs in force. Loaded once at boot from RULE_PACKS_DIR (the bundled `rule-packs/`); a pack
 * that fails validation stops the boot with findings naming file, rule and field. The set is swapped
 * whole, never edited in place, so an evaluation always sees one consistent set.
 */
@Injectable()
export class PacksService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(PacksService.name);
  private packs: readonly ActivePack[] = [];
  private measureSet?: LoadedMeasures;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    const loaded = loadPacks(this.config.rulePacksDir);
    this.packs = Object.freeze(
      loaded.map((pack) => ({
        pack,
        compiled: compilePack(pack),
        contentHash: createHash('sha256').update(readFileSync(pack.file)).digest('hex'),
      })),
    );
    this.measureSet = loadMeasures(this.config.rulePacksDir);
    this.logger.log(`Rule packs loaded: ${this.packs.map((p) => `${p.pack.id}@${p.pack.version}`).join(', ')}`);
  }

  /** The rule set this instance evaluates with goes into the audit trail (which versions decided what). */
  async onApplicationBootstrap(): Promise<void> {
    const measures = this.measures();
    await this.audit.append({
      kind: 'pack.load',
      request: { rulePacksDir: this.config.rulePacksDir },
      response: {
        packs: this.packs.map((p) => ({ id: p.pack.id, version: p.pack.version, effectiveDate: p.pack.effectiveDate, contentHash: p.contentHash })),
        measures: { version: measures.version, contentHash: measures.contentHash },
      },
      packVersions: this.versions(),
    });
  }

  /** Every active pack (a frozen snapshot: hold on to it for the whole of one evaluation). */
  active(): readonly ActivePack[] {
    return this.packs;
  }

  /** The joint reward and punishment measures (联合奖惩措施): catalogue and compiled measure rules. */
  measures(): LoadedMeasures {
    if (!this.measureSet) throw new Error('rule packs are not loaded yet');
    return this.measureSet;
  }

  /** Versions of everything a check evaluates with, e.g. {"tax": "1.0.0", …, "measures": "1.0.0"}. */
  versions(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.packs) out[p.pack.id] = p.pack.version;
    out.measures = this.measures().version;
    return out;
  }

  /** The active packs that apply to a kind of subject. */
  forSubjectKind(kind: SubjectKind): readonly ActivePack[] {
    return this.packs.filter((p) => p.pack.appliesTo.includes(kind));
  }

  get(id: string): ActivePack {
    const found = this.packs.find((p) => p.pack.id === id);
    if (!found) throw new NotFound('PACK_NOT_FOUND', `No active rule pack "${id}"`);
    return found;
  }

  industries(): Industry[] {
    return [...new Set(this.packs.map((p) => p.pack.industry))];
  }
}
