/** OpenAPI examples of the audit trail (审计日志). */
export const ENTRY_EXAMPLE = {
  seq: 1042,
  id: '7d1f6c2e-3b8a-4e0f-9c55-0a2b4d6e8f10',
  kind: 'check',
  caller: 'cq-qijiang-bidding',
  operator: '张三',
  scenario: 'tendering',
  subjectIds: ['3f1c2a9e-8d6b-4c55-9a51-2f7e0c1d9b10'],
  idempotencyKey: 'ZB-2026-000123',
  requestHash: '9c1185a5c5e9fc54612808977ee8f548b2258d31f1c1e5b0c8a7a2f1c4f8e9d0',
  request: {
    subject: { code: '91500110MA5U8XXXXX' },
    person: { idNumber: '110105********002X' },
    scenario: 'tendering',
  },
  response: { tier: 'C', measures: [{ code: 'restrict-bidding', basis: '发改财金〔2016〕1580号' }] },
  packVersions: { construction: '1.2.0' },
  createdAt: '2026-11-28T04:00:00.000Z',
  algorithm: 'sm3',
  prevHash: 'b8f0d5f0c1a3e7e2d9c4b6a8f1e3d5c7a9b1d3f5e7c9a1b3d5f7e9c1a3b5d7f9',
  hash: '4a3c1e5f7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a',
};

export const VERIFY_VALID_EXAMPLE = {
  valid: true,
  entries: 1042,
  fromSeq: 1,
  head: { seq: 1042, hash: ENTRY_EXAMPLE.hash },
  durationMs: 84,
};

export const VERIFY_BROKEN_EXAMPLE = {
  valid: false,
  entries: 17,
  fromSeq: 1,
  head: { seq: 16, hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
  firstInvalid: {
    seq: 17,
    id: '0b6f2c1d-4e5a-4f7b-8c9d-1e2f3a4b5c6d',
    problem: 'altered',
    detail: 'hash of seq 17 does not match its fields (sm3)',
  },
  durationMs: 3,
};

export const JSONL_EXAMPLE = JSON.stringify(ENTRY_EXAMPLE) + '\n';
export const CSV_EXAMPLE =
  'seq,id,kind,createdAt,caller,operator,scenario,subjectIds,idempotencyKey,requestHash,packVersions,request,response,algorithm,prevHash,hash\r\n' +
  `1042,${ENTRY_EXAMPLE.id},check,2026-11-28T04:00:00.000Z,cq-qijiang-bidding,张三,tendering,${ENTRY_EXAMPLE.subjectIds[0]},ZB-2026-000123,…\r\n`;
