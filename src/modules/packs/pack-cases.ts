import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { ValidationFailed } from '../../common/problem';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import {
  CASES_FILE,
  CasesValidationError,
  compilePack,
  expectedOutcome,
  formatFinding,
  packFindings,
  parseCases,
  parsePack,
  runCase,
} from '../../rules';
import { packCoverage } from '../../rules/coverage';
import { PackAuthoringService } from './pack-authoring.service';
import { contentLabel, MEASURES_PACK } from './pack-content';
import { PackInvalid } from './packs.exception';

export interface CaseOutcome {
  readonly tier: string;
  readonly score: number;
  readonly fired: string[];
}

export interface CaseResult {
  readonly name: string;
  readonly passed: boolean;
  /** null: the subject of a record case has no tier in the pack's industry (outside it). */
  readonly expected: CaseOutcome | null;
  readonly actual: CaseOutcome | null;
}

export interface CasesRun {
  readonly packId: string;
  readonly draftRevision: number;
  readonly draftVersion: string;
  readonly source: 'bundled' | 'request';
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly rules: { readonly fired: number; readonly total: number; readonly unreached: readonly string[] };
  readonly cases: readonly CaseResult[];
}

const outcomeOf = (o: { tier: string; score: number; fired: readonly string[] } | null): CaseOutcome | null =>
  o && { tier: o.tier, score: o.score, fired: [...new Set(o.fired)].sort() };

/**
 * Golden cases (黄金用例) of a tier pack run against its draft (or the active content when no draft is saved),
 * with the core's evaluator: the cases sent, or the pack's bundled `rule-packs/<id>/cases.json`. Nothing is stored.
 */
@Injectable()
export class PackCasesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authoring: PackAuthoringService,
  ) {}

  async run(packId: string, sent: unknown): Promise<CasesRun> {
    if (packId === MEASURES_PACK)
      throw new ValidationFailed([
        { field: 'id', reason: 'golden cases run here for tier packs only; the measures: npm run packs:test' },
      ]);
    const draft = await this.authoring.draft(packId); // 404 for an unknown pack
    const label = contentLabel(packId, draft.revision === 0 ? 'active' : `draft r${draft.revision}`);
    const invalid = packFindings(draft.content, label);
    if (invalid.length > 0) throw new PackInvalid(invalid);
    const pack = parsePack(draft.content, label);
    const source = sent === undefined ? 'bundled' : 'request';
    const json = sent === undefined ? this.bundledCases(packId) : sent;
    let file;
    try {
      file = parseCases(json, pack, source === 'bundled' ? `${packId}/${CASES_FILE}` : 'cases');
    } catch (err) {
      if (!(err instanceof CasesValidationError)) throw err;
      throw new ValidationFailed(
        err.findings.map((f) => ({ field: `cases${f.path.replace(/\//g, '.')}`, reason: formatFinding(f) })),
      );
    }
    const compiled = compilePack(pack);
    const cases = file.cases.map((c): CaseResult => {
      const expected = outcomeOf(expectedOutcome(c));
      const actual = outcomeOf(runCase(compiled, c).outcome);
      return { name: c.name, passed: JSON.stringify(expected) === JSON.stringify(actual), expected, actual };
    });
    const coverage = packCoverage(compiled, file);
    const passed = cases.filter((c) => c.passed).length;
    return {
      packId,
      draftRevision: draft.revision,
      draftVersion: pack.version,
      source,
      total: cases.length,
      passed,
      failed: cases.length - passed,
      rules: { fired: coverage.rules.fired, total: coverage.rules.total, unreached: coverage.rules.unreached },
      cases,
    };
  }

  private bundledCases(packId: string): unknown {
    const file = join(this.config.rulePacksDir, packId, CASES_FILE);
    if (!existsSync(file))
      throw new ValidationFailed([
        { field: 'cases', reason: `no bundled golden cases for "${packId}": send them in \`cases\`` },
      ]);
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  }
}
