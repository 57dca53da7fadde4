/** Pasteable examples for the OpenAPI document (the demo data set has these subjects). */
export const CHECK_EXAMPLE = {
  scenario: 'tendering',
  transaction: { reference: 'QJZB-2026-0412', kind: '房屋建筑工程施工招标', amount: 12500000 },
  parties: [
    { code: '91500110MA8EEY8N48', role: 'bidder', name: '重庆恒通酒店有限公司2' },
    { code: '91350200776049653A', role: 'bidder' },
  ],
  operator: 'qj-zb-0031',
};

export const FEEDBACK_EXAMPLE = {
  operator: 'qj-zb-0031',
  items: [
    { partyIndex: 0, measure: 'memo-restrict-government-project-bids', applied: true, outcome: '取消其投标资格' },
    { partyIndex: 1, measure: 'tax-a-preference', applied: false, reason: '评标办法未设信用加分' },
  ],
};
