import type { ActivePack } from './pack-snapshot';

/** What a caller sees of a pack: its identity, legal sources, tiers and inspection policy. */
export function packSummary(p: ActivePack) {
  const { pack } = p;
  return {
    id: pack.id,
    industry: pack.industry,
    name: pack.name,
    nameZh: pack.nameZh,
    version: pack.version,
    effectiveDate: pack.effectiveDate,
    contentHash: p.contentHash,
    versionId: p.versionId,
    versionSeq: p.seq,
    appliesTo: pack.appliesTo,
    legalSources: pack.legalSources,
    scoring: pack.scoring,
    tiers: pack.tiers,
    inspectionPolicy: pack.inspectionPolicy,
    parameters: pack.parameters ?? {},
    ruleCount: pack.rules.length,
  };
}
