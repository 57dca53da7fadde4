/** Pasteable request examples for the OpenAPI document (valid codes: check characters computed). */
export const PENALTY_EXAMPLE = {
  type: 'penalty',
  source: '厦门市市场监督管理局',
  decisionNumber: '厦市监处罚〔2025〕123号',
  subjectName: '厦门市某某食品有限公司',
  subjectCode: '91350200776049653A',
  industry: 'food_drug',
  sector: 'food',
  severity: 'general',
  penaltyTypes: ['fine', 'confiscation'],
  fineAmount: 5,
  confiscationAmount: 1.2,
  decisionDate: '2025-03-10',
  violationType: '生产经营不符合食品安全标准的食品',
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
  authority: '厦门市市场监督管理局',
  authorityUscc: '11350200MB1782000Q',
};

export const LIST_ENTRY_EXAMPLE = {
  type: 'list_entry',
  source: '厦门市中级人民法院',
  decisionNumber: '(2025)闽02执123号',
  subjectName: '李四',
  subjectIdNumber: '11010519491231002X',
  listType: 'court_defaulter',
  listGround: 2,
  severity: 'serious',
  decisionDate: '2025-05-20',
};

export const TAX_CREDIT_EXAMPLE = {
  type: 'tax_credit',
  source: '国家税务总局厦门市税务局',
  decisionNumber: 'NSXY-2024-91440101MA5CJQ4N59',
  subjectName: '广州某某科技有限公司',
  subjectCode: '91440101MA5CJQ4N59',
  taxLevel: 'A',
  taxYear: 2024,
  decisionDate: '2025-04-20',
};

export const CSV_EXAMPLE = [
  'type,source,decisionNumber,subjectName,subjectCode,industry,severity,penaltyTypes,fineAmount,decisionDate,licenceCode,validUntil',
  'penalty,厦门市市场监督管理局,厦市监处罚〔2025〕124号,厦门市某某食品有限公司,91350200776049653A,food_drug,general,fine;confiscation,5,2025-03-10,,',
  'licence,厦门市市场监督管理局,JY-2024-0001,厦门市某某食品有限公司,91350200776049653A,food_drug,,,,2024-01-05,JY13502030012345,2029-01-05',
].join('\n');
