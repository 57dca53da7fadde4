/**
 * Types of credit commitment (信用承诺类型) and what a breach of each leads to (违诺后果), with the basis.
 *
 * The district plan's task 9 (全面推进告知承诺制) asks, beside notify-and-commit (证明事项和涉企经营许可事项告知承诺制),
 * to explore 容缺受理型、市场主体主动公开型、行业自律型、审批替代型、信用修复型 commitments and to use them in
 * post-approval supervision (实施批后监管). Plain data, no NestJS: the commitments module applies it.
 *
 * Bases (docs/legal-basis.md, "Credit commitment types"):
 * - 国办发〔2020〕42号 (domain.md §6, verified): a false notify-and-commit ends the matter, revokes the decision or
 *   brings a penalty, goes into the credit record, and bars notify-and-commit until repaired.
 * - 国办发〔2019〕35号 二(一) 建立健全信用承诺制度 (read in a reposted copy): a commitment to meet the approval conditions is
 *   handled at once (审批替代); an applicant in good standing whose materials are partly missing but who commits in
 *   writing to supply them in time is accepted first (容缺受理); 书面承诺履约情况记入信用记录 … 对不履约的申请人,视情节实施惩戒.
 *   The same section encourages commitments made to the public (主动公开) and industry associations' commitment
 *   schemes (行业自律) — read in a secondary report only (hpepea.com, 2025-11-17).
 * - NDRC 令第36号 信用修复管理办法 (domain.md §4, verified): applying for repair needs a public credit commitment.
 *   What a breach of that commitment does to the repair was not found in a text read: a local parameter.
 */
export const COMMITMENT_TYPES = [
  'notify_commit', // 告知承诺 (证明事项 / 涉企经营许可事项)
  'gap_acceptance', // 容缺受理型
  'voluntary_disclosure', // 市场主体主动公开型
  'industry_self_discipline', // 行业自律型
  'approval_substitute', // 审批替代型
  'credit_repair', // 信用修复型
] as const;
export type CommitmentType = (typeof COMMITMENT_TYPES)[number];

/** Every commitment recorded before the type existed was a notify-and-commit one. */
export const DEFAULT_COMMITMENT_TYPE: CommitmentType = 'notify_commit';

export const COMMITMENT_TYPE_NAMES: Readonly<Record<CommitmentType, string>> = {
  notify_commit: '告知承诺',
  gap_acceptance: '容缺受理型信用承诺',
  voluntary_disclosure: '主动公开型信用承诺',
  industry_self_discipline: '行业自律型信用承诺',
  approval_substitute: '审批替代型信用承诺',
  credit_repair: '信用修复型信用承诺',
};

/** The Chinese names an office export writes in the 承诺类型 column, long and short. */
const CELL_NAMES: ReadonlyMap<string, CommitmentType> = new Map([
  ...COMMITMENT_TYPES.flatMap((t) => {
    const long = COMMITMENT_TYPE_NAMES[t];
    const short = long.replace(/型?信用承诺$/, '');
    return [
      [long, t],
      [short, t],
      [`${short}型`, t],
      [`${short}承诺`, t],
    ] as Array<[string, CommitmentType]>;
  }),
  ['市场主体主动公开型', 'voluntary_disclosure'],
  ['告知承诺制', 'notify_commit'],
]);

/** A 承诺类型 cell → the code (a code stays a code; anything else is left for validation to refuse). */
export function commitmentTypeCell(text: string): string {
  return CELL_NAMES.get(text.trim()) ?? text;
}

/** Status of a basis: read in the text or a faithful repost, seen in a secondary report, or a local parameter. */
export type BasisStatus = 'verified' | 'secondary' | 'local_parameter';

export const BREACH_CONSEQUENCE_CODES = [
  'credit_record', // 违诺记入信用记录 (negative information in force)
  'approval_revoked', // 撤销审批 / 终止办理 (the approval given on the commitment)
  'notify_commit_barred', // 不再适用告知承诺制, until repaired
  'gap_acceptance_barred', // 不再适用容缺受理, until repaired
  'public_disclosure', // 违诺情况向社会公开
  'association_notified', // 通报行业协会商会, 按自律规约处理
  'repair_voided', // 信用修复失效, the repaired record published and counted again
] as const;
export type BreachConsequenceCode = (typeof BREACH_CONSEQUENCE_CODES)[number];

export interface BreachConsequence {
  readonly code: BreachConsequenceCode;
  /** What it means, in Chinese for the officer. */
  readonly zh: string;
  readonly basis: string;
  readonly basisStatus: BasisStatus;
  /** The named local parameter a rule without a national text rests on. */
  readonly parameter?: string;
}

const S35 = '国办发〔2019〕35号 二(一)';
const S42 = '国办发〔2020〕42号';
const RECORD_35: BreachConsequence = {
  code: 'credit_record',
  zh: '违诺记入信用记录,视情节实施惩戒',
  basis: `${S35}: 书面承诺履约情况记入信用记录 … 对不履约的申请人,视情节实施惩戒 (read in a reposted copy)`,
  basisStatus: 'verified',
};
const local = (code: BreachConsequenceCode, zh: string, parameter: string): BreachConsequence => ({
  code,
  zh,
  basis: `local parameter ${parameter} (no national text found)`,
  basisStatus: 'local_parameter',
  parameter,
});

/**
 * What a breach of each type leads to. The first entry is the basis kept with the outcome (失信认定依据).
 * Every breach enters the credit record; the commitment record itself becomes negative information in force.
 */
export const BREACH_CONSEQUENCES: Readonly<Record<CommitmentType, readonly BreachConsequence[]>> = {
  notify_commit: [
    {
      code: 'credit_record',
      zh: '虚假承诺记入信用记录,依法实施惩戒',
      basis: `${S42}: a false commitment goes into the credit record with punishment`,
      basisStatus: 'verified',
    },
    {
      code: 'approval_revoked',
      zh: '终止办理、撤销行政决定或依法处罚',
      basis: `${S42}: a false commitment ends the matter, revokes the decision or brings a penalty`,
      basisStatus: 'verified',
    },
    {
      code: 'notify_commit_barred',
      zh: '修复前不适用告知承诺制',
      basis: `${S42}: an applicant with an earlier false commitment may not use notify-and-commit until repaired`,
      basisStatus: 'verified',
    },
  ],
  approval_substitute: [
    RECORD_35,
    {
      code: 'approval_revoked',
      zh: '撤销以承诺替代审批作出的决定',
      basis: `${S42} (涉企经营许可事项告知承诺: the decision made on a false commitment is revoked); ${S35}: 申请人承诺符合审批条件并提交有关材料的,应予即时办理 — 审批替代 read as the approval form of notify-and-commit (secondary: 张鲁萍, fx361.cc 2020)`,
      basisStatus: 'secondary',
    },
    {
      code: 'notify_commit_barred',
      zh: '修复前不适用告知承诺制',
      basis: `${S42}: an applicant with an earlier false commitment may not use notify-and-commit until repaired`,
      basisStatus: 'verified',
    },
  ],
  gap_acceptance: [
    {
      ...RECORD_35,
      basis: `${S35}: 部分申报材料不齐备但书面承诺在规定期限内提供的,应先行受理; 书面承诺履约情况记入信用记录 … 对不履约的申请人,视情节实施惩戒 (read in a reposted copy)`,
    },
    local('approval_revoked', '逾期未补齐材料的,终止办理或撤销先行作出的决定', 'COMMITMENT_GAP_ACCEPTANCE_REVOKES'),
    local('gap_acceptance_barred', '修复前不再适用容缺受理', 'COMMITMENT_GAP_ACCEPTANCE_BARS_UNTIL_REPAIRED'),
  ],
  voluntary_disclosure: [
    {
      ...RECORD_35,
      basis: `${S35}: 鼓励市场主体主动向社会作出信用承诺 (secondary: hpepea.com 2025-11-17); 书面承诺履约情况记入信用记录 (read in a reposted copy)`,
      basisStatus: 'secondary',
    },
    local('public_disclosure', '违诺情况与承诺同样向社会公开', 'COMMITMENT_VOLUNTARY_BREACH_PUBLISHED'),
  ],
  industry_self_discipline: [
    {
      ...RECORD_35,
      basis: `${S35}: 支持行业协会商会建立健全行业内信用承诺制度 (secondary: hpepea.com 2025-11-17); 书面承诺履约情况记入信用记录 (read in a reposted copy)`,
      basisStatus: 'secondary',
    },
    local(
      'association_notified',
      '通报所属行业协会商会,按自律规约处理',
      'COMMITMENT_SELF_DISCIPLINE_NOTIFIES_ASSOCIATION',
    ),
  ],
  credit_repair: [
    {
      ...RECORD_35,
      basis: `NDRC 令第36号 信用修复管理办法 (repair needs a public credit commitment; verified, domain.md §4); ${S35}: 书面承诺履约情况记入信用记录 (read in a reposted copy)`,
    },
    local(
      'repair_voided',
      '信用修复失效:已修复的失信信息恢复公示、共享和使用',
      'COMMITMENT_REPAIR_BREACH_VOIDS_REPAIR',
    ),
  ],
};

/** The basis kept with a breach (失信认定依据): the document numbers of its consequences, once each. */
export function breachBasis(type: CommitmentType): string {
  const docs = BREACH_CONSEQUENCES[type].flatMap((c) =>
    c.basisStatus === 'local_parameter'
      ? [`local parameter ${c.parameter}`]
      : [...c.basis.matchAll(/(国办发〔\d{4}〕\d+号|NDRC 令第\d+号)/g)].map((m) => m[1]),
  );
  return [...new Set(docs)].join('; ');
}
