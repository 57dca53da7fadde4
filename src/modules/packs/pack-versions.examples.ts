/** Examples for the OpenAPI document of the pack version routes. */
export const DRAFT_EXAMPLE = {
  id: 'tax',
  industry: 'tax',
  name: 'Tax credit level',
  version: '1.1.0',
  effectiveDate: '2026-12-01',
  appliesTo: ['legal_person'],
  scoring: { base: 100, min: 0, max: 100 },
  tiers: [{ tier: 'A', label: 'Level A', minScore: 91, maxScore: null }],
  rules: ['…'],
};

export const VERSION_EXAMPLE = {
  id: '0f9a3c52-1d6e-4c1b-9a57-3e4f0b7c2d11',
  packId: 'tax',
  seq: 2,
  version: '1.1.0',
  contentHash: '5d41402abc4b2a76b9719d911017c592ae1f4e5d41402abc4b2a76b9719d9110',
  status: 'published',
  createdBy: 'credit-office-console',
  createdAt: '2026-11-28T08:00:00.000Z',
  publishedBy: '信用科-李四',
  publishedAt: '2026-11-28T08:00:00.000Z',
  publishReason: '按2026年第12号文调整A级分数线',
  active: true,
};

export const DRAFT_VIEW_EXAMPLE = {
  packId: 'tax',
  revision: 3,
  content: DRAFT_EXAMPLE,
  updatedBy: '信用科-李四',
  updatedAt: '2026-11-28T07:55:00.000Z',
  valid: false,
  findings: [
    {
      file: 'tax/pack.json (draft r3)',
      rule: 'tax-d-level',
      path: '/rules/4/conditions/all/0/operator',
      message: 'unknown operator "greaterThen"',
    },
  ],
};

export const INVALID_EXAMPLE = {
  type: 'https://credit-engine.local/problems/pack-invalid',
  title: 'Rule pack invalid (规则包校验未通过)',
  status: 422,
  code: 'PACK_INVALID',
  detail: '1 finding(s); nothing was published.',
  errors: [
    {
      field: 'tax/pack.json (draft r3)#/rules/4/conditions/all/0/operator',
      reason:
        'tax/pack.json (draft r3) rule "tax-d-level" at /rules/4/conditions/all/0/operator: unknown operator "greaterThen"',
    },
  ],
  findings: DRAFT_VIEW_EXAMPLE.findings,
};

export const CONFLICT_EXAMPLE = {
  type: 'https://credit-engine.local/problems/draft-conflict',
  title: 'Draft changed meanwhile (草稿已被他人修改)',
  status: 409,
  code: 'DRAFT_CONFLICT',
  detail:
    'The draft of "tax" is at revision 4, the save was based on revision 3: reload the draft, merge and save again.',
  currentRevision: 4,
};
