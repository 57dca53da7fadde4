/**
 * The industries (行业) that have a tier pack — the one list to extend when an industry is added, together
 * with its pack directory `rule-packs/<id>/` (pack.json, cases.json) and its rows in docs/legal-basis.md.
 *
 * Everything else follows from it: the `Industry` type and `INDUSTRIES`, the record industries (plus
 * 'general'), the check facts' tier facts (`<tierFact>`, values = `tiers`), the publicity sectors a record of
 * the industry may carry, the request and response enums of the API (and so openapi.json and the console's
 * API types), the console's labels and industry pickers. Two editor-facing copies are kept in step by tests:
 * the `industry` enums of src/rules/pack.schema.json and src/rules/cases.schema.json (schema.spec.ts), and a
 * test requires a bundled pack for every industry here (golden.spec.ts). The database holds industries by
 * shape only (migration IndustryByShape), so adding one needs no migration.
 *
 * No imports: the console (console/src/lib/labels.ts) imports this file as well.
 */
export interface IndustryDefinition {
  /** The pack's `industry` and the records' `industry` (lower case, ≤ 16 characters: credit_records.industry). */
  readonly id: string;
  readonly name: string;
  /** 中文名称, shown beside the English one wherever an officer reads it. */
  readonly nameZh: string;
  /** The check fact carrying the party's tier in this industry (逢办必查). */
  readonly tierFact: string;
  /** What that tier is called in Chinese (the check fact's description: `<tierNameZh>分级分类结果`). */
  readonly tierNameZh: string;
  /** The bundled pack's tier ids, best → worst (a test keeps them equal to the pack's). */
  readonly tiers: readonly string[];
  /** Publicity sectors (公示领域) a record of this industry may carry; the first is the default. */
  readonly sectors: readonly string[];
}

export const INDUSTRY_DEFINITIONS = [
  {
    id: 'tax',
    name: 'Tax',
    nameZh: '税务',
    tierFact: 'taxTier',
    tierNameZh: '纳税信用',
    tiers: ['A', 'B', 'M', 'N', 'C', 'D'],
    sectors: ['other'],
  },
  {
    id: 'construction',
    name: 'Construction',
    nameZh: '建设工程',
    tierFact: 'constructionTier',
    tierNameZh: '建筑市场信用',
    tiers: ['A', 'B', 'C', 'D'],
    sectors: ['other'],
  },
  {
    id: 'food_drug',
    name: 'Food & drug',
    nameZh: '食品药品',
    tierFact: 'foodDrugTier',
    tierNameZh: '食品药品',
    tiers: ['A', 'B', 'C', 'D'],
    sectors: ['food', 'drug'],
  },
  {
    id: 'fire_safety',
    name: 'Fire safety',
    nameZh: '消防安全',
    tierFact: 'fireSafetyTier',
    tierNameZh: '消防安全',
    tiers: ['A', 'B', 'C', 'D'],
    sectors: ['fire'],
  },
  {
    id: 'environment',
    name: 'Environmental protection',
    nameZh: '环境保护',
    tierFact: 'environmentTier',
    tierNameZh: '企业环境信用',
    tiers: ['A', 'B', 'C', 'D'],
    sectors: ['other'],
  },
  {
    id: 'customs',
    name: 'Import and export (customs)',
    nameZh: '进出口',
    tierFact: 'customsTier',
    tierNameZh: '进出口（海关）信用',
    tiers: ['A', 'B', 'C', 'D'],
    sectors: ['other'],
  },
  {
    id: 'transport',
    name: 'Transport',
    nameZh: '交通运输',
    tierFact: 'transportTier',
    tierNameZh: '交通运输信用',
    tiers: ['AA', 'A', 'B', 'C', 'D'],
    sectors: ['other'],
  },
  {
    id: 'medical',
    name: 'Medical and health',
    nameZh: '医疗卫生',
    tierFact: 'medicalTier',
    tierNameZh: '医疗卫生信用',
    tiers: ['A', 'B', 'C', 'D'],
    sectors: ['other'],
  },
  {
    id: 'housekeeping',
    name: 'Housekeeping services',
    nameZh: '家政服务',
    tierFact: 'housekeepingTier',
    tierNameZh: '家政服务信用',
    tiers: ['A', 'B', 'C', 'D'],
    sectors: ['other'],
  },
  {
    id: 'property',
    name: 'Property services',
    nameZh: '物业服务',
    tierFact: 'propertyTier',
    tierNameZh: '物业服务企业信用',
    tiers: ['AAA', 'AA', 'A', 'B', 'C', 'BL'],
    sectors: ['other'],
  },
  {
    id: 'real_estate',
    name: 'Real-estate development',
    nameZh: '房地产开发',
    tierFact: 'realEstateTier',
    tierNameZh: '房地产开发企业信用',
    tiers: ['A', 'B', 'C', 'D', 'E'],
    sectors: ['other'],
  },
  {
    id: 'ip',
    name: 'Intellectual property',
    nameZh: '知识产权',
    tierFact: 'ipTier',
    tierNameZh: '知识产权信用',
    tiers: ['A', 'B', 'C', 'D'],
    sectors: ['other'],
  },
] as const satisfies readonly IndustryDefinition[];

export type Industry = (typeof INDUSTRY_DEFINITIONS)[number]['id'];

/** The industry ids, in declaration order. */
export const INDUSTRIES: readonly Industry[] = INDUSTRY_DEFINITIONS.map((d) => d.id);

/** One value per industry, from its definition: a table that has every industry by construction. */
export function perIndustry<T>(value: (d: IndustryDefinition) => T): Readonly<Record<Industry, T>> {
  const out: Partial<Record<Industry, T>> = {};
  for (const d of INDUSTRY_DEFINITIONS) out[d.id] = value(d);
  return out as Record<Industry, T>;
}

/** An industry's definition by id. */
export const INDUSTRY_BY_ID: Readonly<Record<Industry, IndustryDefinition>> = perIndustry((d) => d);

/** A record's industry: a pack industry, or 'general' (counted only by the non-industry facts). */
export const GENERAL_INDUSTRY = 'general';
export const RECORD_INDUSTRIES: readonly (Industry | typeof GENERAL_INDUSTRY)[] = [...INDUSTRIES, GENERAL_INDUSTRY];
