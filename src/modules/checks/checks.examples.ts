import checkAnswer from './check-answer.example.json';

/**
 * Pasteable examples for the OpenAPI document, on the demo data set (npm start -- --demo). The answer is a real
 * one: test/e2e/check-example.e2e.spec.ts makes this check on the demo data (its date pinned) and fails when the
 * answer differs from `CHECK_ANSWER_EXAMPLE` (ids and the audit receipt aside), and validates it against the
 * schema in openapi.json; `UPDATE_CHECK_EXAMPLE=1` there writes the answer again.
 */
export const CHECK_EXAMPLE = {
  scenario: 'tendering',
  transaction: { reference: 'QJZB-2026-0412', kind: '房屋建筑工程施工招标', amount: 12500000 },
  parties: [
    { code: '91500110MA8EEY8N48', role: 'bidder', name: '重庆恒通酒店有限公司2' },
    { code: '91500110MAR66Y8N4Y', role: 'bidder' }, // the demo's court defaulter (COURT_DEFAULTER_INDEX)
    // A natural person (个体投标人) by the sample number of GB 11643 itself: unknown here, so a pass, shown masked.
    { idNumber: '11010519491231002X', role: 'bidder' },
  ],
  operator: 'qj-zb-0031',
};

/** A supplier on the list of 失信被执行人 is refused (block); a supplier the service does not know passes. */
export const PROCUREMENT_CHECK_EXAMPLE = {
  scenario: 'government_procurement',
  transaction: { reference: 'QJCG-2026-0107', kind: '货物类公开招标', amount: 860000 },
  parties: [
    { code: '91500110MAR66Y8N4Y', role: 'supplier' },
    { code: '91350200776049653A', role: 'supplier' },
  ],
};

export const CHECK_REQUEST_EXAMPLES = {
  tendering: {
    summary: 'A tender (招标投标): a rewarded bidder, a restricted one and a natural person',
    value: CHECK_EXAMPLE,
  },
  government_procurement: {
    summary: 'Government procurement (政府采购): a listed supplier is refused',
    value: PROCUREMENT_CHECK_EXAMPLE,
  },
};

/** The answer to `CHECK_EXAMPLE` on the demo data (2026-11-28), record and check ids replaced by fixed ones. */
export const CHECK_ANSWER_EXAMPLE = checkAnswer;

/** Feedback on the check of `CHECK_EXAMPLE`: what the tendering platform did with each measure. */
export const FEEDBACK_EXAMPLE = {
  operator: 'qj-zb-0031',
  items: [
    { partyIndex: 1, measure: 'spc-defaulter-restrict', applied: true, outcome: '取消其投标资格' },
    { partyIndex: 0, measure: 'tax-a-preference', applied: false, reason: '评标办法未设信用加分' },
  ],
};
