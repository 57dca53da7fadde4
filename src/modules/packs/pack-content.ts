import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../common/canonical-json';
import {
  compilePack,
  measureFindings,
  MEASURES_DIR,
  packFindings,
  packIdOf,
  parseMeasures,
  parsePack,
  type LoadedMeasures,
  type PackFinding,
} from '../../rules';
import { lintMeasures, lintPack, type LintFinding } from '../../rules/lint';
import { industryFindings, type PackIndustry } from '../../rules/tiers';
import type { ActivePack } from './active-pack';

/** The measures are a pack too: its content is `{ catalogue, rules }` (rule-packs/measures/*.json). */
export const MEASURES_PACK = MEASURES_DIR;

export interface MeasuresContent {
  readonly catalogue: unknown;
  readonly rules: unknown;
}

/** The label findings and loaded packs carry: names the pack, the version or draft, and the file. */
export function contentLabel(packId: string, where: string, file = 'pack.json'): string {
  return `${packId}/${file} (${where})`;
}

/** SHA-256 of the canonical JSON (keys sorted): the same after a trip through jsonb. */
export function contentHash(content: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(content as JsonValue))
    .digest('hex');
}

/** The semver a content declares (pack: `version`; measures: the rules' `version`), or null. */
export function contentVersion(packId: string, content: unknown): string | null {
  const holder = packId === MEASURES_PACK ? (content as MeasuresContent | null)?.rules : content;
  const v = typeof holder === 'object' && holder !== null ? (holder as { version?: unknown }).version : undefined;
  return typeof v === 'string' ? v : null;
}

function measuresParts(content: unknown): MeasuresContent {
  const c = (typeof content === 'object' && content !== null ? content : {}) as Partial<MeasuresContent>;
  return { catalogue: c.catalogue, rules: c.rules };
}

/** The linter's errors (a rule that can never fire) as findings: what POST /packs/validate and packs:validate refuse is not published either. */
function lintErrors(findings: readonly LintFinding[]): PackFinding[] {
  return findings.filter((f) => f.severity === 'error').map(({ severity: _s, code: _c, ...f }) => f);
}

/**
 * Every finding of a pack's content; [] means it can be published. Findings name file, rule and path.
 * `active`: the packs in force, whose industries a tier pack may not take (one pack per industry).
 */
export function contentFindings(
  packId: string,
  content: unknown,
  where: string,
  active: readonly PackIndustry[] = [],
): PackFinding[] {
  if (packId === MEASURES_PACK) {
    const { catalogue, rules } = measuresParts(content);
    const labels = {
      catalogue: contentLabel(packId, where, 'catalogue.json'),
      rules: contentLabel(packId, where, 'rules.json'),
    };
    const findings = measureFindings(catalogue, rules, labels);
    return findings.length > 0 ? findings : lintErrors(lintMeasures(catalogue, rules, labels));
  }
  const file = contentLabel(packId, where);
  const findings = packFindings(content, file);
  const id = packIdOf(content);
  if (findings.length === 0 && id !== packId)
    findings.push({
      file,
      path: '/id',
      message: `pack id "${String(id)}" must equal the pack being edited "${packId}"`,
    });
  if (findings.length === 0)
    findings.push(
      ...industryFindings([{ id: packId, industry: (content as { industry: string }).industry, file }], active),
    );
  if (findings.length === 0) findings.push(...lintErrors(lintPack(content, file)));
  return findings;
}

/** Parse and compile a tier pack's content (throws PackValidationError). */
export function compileContent(
  packId: string,
  versionId: string,
  seq: number,
  content: unknown,
  hash: string,
): ActivePack {
  const pack = parsePack(content, contentLabel(packId, `v${seq}`));
  return Object.freeze({ pack, compiled: compilePack(pack), contentHash: hash, versionId, seq });
}

/** Parse and compile the measures content (throws PackValidationError). */
export function compileMeasuresContent(seq: number, content: unknown, hash: string): LoadedMeasures {
  const { catalogue, rules } = measuresParts(content);
  const where = `v${seq}`;
  const loaded = parseMeasures(catalogue, rules, {
    catalogue: contentLabel(MEASURES_PACK, where, 'catalogue.json'),
    rules: contentLabel(MEASURES_PACK, where, 'rules.json'),
  });
  return Object.freeze({ ...loaded, contentHash: hash });
}
