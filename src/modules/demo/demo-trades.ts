/**
 * The trades (行业) of the demo subjects: what each does, its registered industry code (国民经济行业分类代码,
 * GB/T 4754-2017, 小类) and the licences and supervision that go with it — the facts 分行业 membership reads.
 * Codes and their names as in the standard's table (GB/T 4754-2017 with its 2019 amendment).
 */
import type { Industry } from '../../rules/shared';

export type SupervisingIndustry = Exclude<Industry, 'tax'>;
export type DemoKind = 'legal_person' | 'individual_business' | 'public_body' | 'natural_person';

/** A licence (行政许可) the trade holds, by the department of its industry. */
export interface DemoLicence {
  readonly industry: SupervisingIndustry;
  /** 许可证书 name, as the 双公示 licence record's 许可内容. */
  readonly nameZh: string;
  /** Certificate number prefix (JY 食品经营, SC 食品生产, 渝 药品经营, D 建筑业企业资质, 綦消 消防安全检查, PW 排污许可, 500196 海关备案编码,
   * 渝交运管许可 道路运输经营许可, PDY 医疗机构执业许可, 渝建房开 房地产开发企业资质, 50 专利代理机构执业许可证 机构代码). */
  readonly prefix: string;
  /** Validity in years; absent: no expiry (a fire safety check of a public gathering place). */
  readonly years?: number;
}

export const LICENCES = {
  food_business: { industry: 'food_drug', nameZh: '食品经营许可证', prefix: 'JY2500110', years: 5 },
  food_production: { industry: 'food_drug', nameZh: '食品生产许可证', prefix: 'SC1035001', years: 5 },
  drug_business: { industry: 'food_drug', nameZh: '药品经营许可证', prefix: '渝CB0230', years: 5 },
  construction: { industry: 'construction', nameZh: '建筑业企业资质证书', prefix: 'D250', years: 5 },
  fire_check: { industry: 'fire_safety', nameZh: '公众聚集场所投入使用、营业前消防安全检查合格证', prefix: '綦消安检' },
  pollutant_permit: { industry: 'environment', nameZh: '排污许可证', prefix: '91500110PW', years: 5 },
  customs_filing: { industry: 'customs', nameZh: '海关进出口货物收发货人备案', prefix: '500196' },
  road_transport: { industry: 'transport', nameZh: '道路运输经营许可证', prefix: '渝交运管许可綦字500110', years: 6 },
  medical_practice: { industry: 'medical', nameZh: '医疗机构执业许可证', prefix: 'PDY50011092500110', years: 5 },
  development_qualification: {
    industry: 'real_estate',
    nameZh: '房地产开发企业资质证书',
    prefix: '渝建房开綦',
    years: 5,
  },
  patent_agency: { industry: 'ip', nameZh: '专利代理机构执业许可证', prefix: '50' },
} as const satisfies Record<string, DemoLicence>;

export interface DemoTrade {
  readonly key: string;
  readonly labelZh: string;
  readonly kind: DemoKind;
  /** [GB/T 4754-2017 code, its name, the name ending it goes with]; one is drawn per subject. */
  readonly variants: ReadonlyArray<readonly [code: string, codeNameZh: string, nameEnding: string]>;
  readonly licences: readonly DemoLicence[];
  /** Industries whose inspections and penalties it receives (those of its licences included). */
  readonly supervisedBy: readonly SupervisingIndustry[];
  /** Every subject of the trade holds a fire inspection record (its membership of fire_safety rests on it). */
  readonly fireInspected?: boolean;
}

const trade = (t: DemoTrade): DemoTrade => t;

export const TRADES = {
  builder: trade({
    key: 'builder',
    labelZh: '建筑施工',
    kind: 'legal_person',
    variants: [
      ['E4710', '住宅房屋建筑', '建筑工程有限公司'],
      ['E4790', '其他房屋建筑业', '建设集团有限公司'],
      ['E4813', '市政道路工程建筑', '市政工程有限公司'],
      ['E4852', '管道工程建筑', '管道工程有限公司'],
      ['E4910', '电气安装', '机电安装工程有限公司'],
      ['E5011', '公共建筑装饰和装修', '装饰工程有限公司'],
    ],
    licences: [LICENCES.construction],
    supervisedBy: ['construction'],
  }),
  food_maker: trade({
    key: 'food_maker',
    labelZh: '食品生产',
    kind: 'legal_person',
    variants: [
      ['C1469', '其他调味品、发酵制品制造', '火锅底料有限公司'],
      ['C1411', '糕点、面包制造', '食品有限公司'],
      ['C1431', '米、面制品制造', '面业有限公司'],
      ['C1371', '蔬菜加工', '农产品加工有限公司'],
    ],
    // A food factory discharges waste water: it holds a pollutant discharge permit (排污许可证) and is supervised
    // by the environment department too; 发酵制品 (C1469) is also a heavy-pollution code of 环发〔2013〕150号.
    licences: [LICENCES.food_production, LICENCES.pollutant_permit],
    supervisedBy: ['food_drug', 'environment'],
  }),
  hotel: trade({
    key: 'hotel',
    labelZh: '住宿',
    kind: 'legal_person',
    variants: [
      ['H6110', '旅游饭店', '酒店有限公司'],
      ['H6121', '经济型连锁酒店', '商务酒店有限公司'],
      ['H6129', '其他一般旅馆', '宾馆有限公司'],
    ],
    licences: [LICENCES.food_business, LICENCES.fire_check],
    supervisedBy: ['food_drug', 'fire_safety'],
  }),
  restaurant: trade({
    key: 'restaurant',
    labelZh: '餐饮',
    kind: 'legal_person',
    variants: [
      ['H6210', '正餐服务', '餐饮管理有限公司'],
      ['H6220', '快餐服务', '快餐有限公司'],
      ['H6231', '茶馆服务', '茶楼有限公司'],
    ],
    licences: [LICENCES.food_business],
    supervisedBy: ['food_drug', 'fire_safety'],
  }),
  pharmacy: trade({
    key: 'pharmacy',
    labelZh: '药品零售',
    kind: 'legal_person',
    variants: [
      ['F5251', '西药零售', '大药房有限公司'],
      ['F5252', '中药零售', '中药房有限公司'],
    ],
    licences: [LICENCES.drug_business],
    supervisedBy: ['food_drug'],
  }),
  supermarket: trade({
    key: 'supermarket',
    labelZh: '超市',
    kind: 'legal_person',
    variants: [['F5212', '超级市场零售', '超市有限公司']],
    licences: [LICENCES.food_business],
    supervisedBy: ['food_drug', 'fire_safety'],
  }),
  mall: trade({
    key: 'mall',
    labelZh: '商业综合体',
    kind: 'legal_person',
    variants: [['L7222', '商业综合体管理服务', '商业管理有限公司']],
    licences: [LICENCES.fire_check],
    supervisedBy: ['fire_safety'],
  }),
  property: trade({
    key: 'property',
    labelZh: '物业管理',
    kind: 'legal_person',
    variants: [['K7020', '物业管理', '物业管理有限公司']],
    // No licence: the 2018 revision of 物业管理条例 dropped the property qualification. Members of property by their
    // code (K702); the housing department's inspections and penalties come as property records.
    licences: [],
    supervisedBy: ['fire_safety', 'property'],
    fireInspected: true,
  }),
  entertainment: trade({
    key: 'entertainment',
    labelZh: '文体娱乐场所',
    kind: 'legal_person',
    variants: [
      ['R9011', '歌舞厅娱乐活动', '娱乐有限公司'],
      ['R8930', '健身休闲活动', '健身有限公司'],
    ],
    licences: [],
    supervisedBy: ['fire_safety'],
  }),
  trading: trade({
    key: 'trading',
    labelZh: '批发贸易',
    kind: 'legal_person',
    variants: [
      ['F5199', '其他未列明批发业', '商贸有限公司'],
      ['F5174', '五金产品批发', '五金有限公司'],
    ],
    // Import and export traders: filed with customs as consignors and consignees (进出口货物收发货人备案).
    licences: [LICENCES.customs_filing],
    supervisedBy: ['customs'],
  }),
  tech: trade({
    key: 'tech',
    labelZh: '软件和信息技术服务',
    kind: 'legal_person',
    variants: [['I6513', '应用软件开发', '科技有限公司']],
    licences: [],
    supervisedBy: [],
  }),
  logistics: trade({
    key: 'logistics',
    labelZh: '道路货运',
    kind: 'legal_person',
    variants: [['G5431', '普通货物道路运输', '物流有限公司']],
    // Road freight operators: a road transport operating licence (道路运输经营许可证) from the transport department.
    licences: [LICENCES.road_transport],
    supervisedBy: ['transport'],
  }),
  snack_bar: trade({
    key: 'snack_bar',
    labelZh: '小吃店（个体）',
    kind: 'individual_business',
    variants: [['H6291', '小吃服务', '小吃店']],
    licences: [LICENCES.food_business],
    supervisedBy: ['food_drug', 'fire_safety'],
  }),
  convenience: trade({
    key: 'convenience',
    labelZh: '便利店（个体）',
    kind: 'individual_business',
    variants: [['F5213', '便利店零售', '便利店']],
    licences: [LICENCES.food_business],
    supervisedBy: ['food_drug', 'fire_safety'],
  }),
  drugstore: trade({
    key: 'drugstore',
    labelZh: '药店（个体）',
    kind: 'individual_business',
    variants: [['F5252', '中药零售', '中药店']],
    licences: [LICENCES.drug_business],
    supervisedBy: ['food_drug'],
  }),
  internet_cafe: trade({
    key: 'internet_cafe',
    labelZh: '网吧（个体）',
    kind: 'individual_business',
    variants: [['R9013', '网吧活动', '网吧']],
    licences: [],
    supervisedBy: ['fire_safety'],
  }),
  clinic: trade({
    key: 'clinic',
    labelZh: '诊所（个体）',
    kind: 'individual_business',
    variants: [['Q8425', '门诊部（所）', '诊所']],
    // A clinic practises under a 医疗机构执业许可证 from the health department, which supervises it (医疗卫生).
    licences: [LICENCES.medical_practice],
    supervisedBy: ['medical'],
  }),
  school: trade({
    key: 'school',
    labelZh: '中学（机关事业单位）',
    kind: 'public_body',
    variants: [
      ['P8331', '普通初中教育', '中学'],
      ['P8334', '普通高中教育', '中学'],
    ],
    licences: [],
    supervisedBy: ['fire_safety'],
    fireInspected: true,
  }),
  housekeeper: trade({
    key: 'housekeeper',
    labelZh: '家政服务',
    kind: 'legal_person',
    variants: [['O8010', '家庭服务', '家政服务有限公司']],
    // No licence is needed to run a housekeeping firm: it is a member by its code (O801) and by the commerce
    // department's records (inspections, penalties).
    licences: [],
    supervisedBy: ['housekeeping'],
  }),
  patent_agency: trade({
    key: 'patent_agency',
    labelZh: '专利代理',
    kind: 'legal_person',
    variants: [['M7520', '知识产权服务', '专利代理事务所有限公司']],
    // Patent agencies: a practising licence (专利代理机构执业许可证) from the IP administration (专利代理条例).
    licences: [LICENCES.patent_agency],
    supervisedBy: ['ip'],
  }),
  person: trade({
    key: 'person',
    labelZh: '自然人',
    kind: 'natural_person',
    variants: [],
    licences: [],
    supervisedBy: [],
  }),
  // Issue 18: real-estate developers (房地产开发, K7010) hold a development qualification (房地产开发企业资质证书,
  // 城市房地产开发经营管理条例 Art. 9); the housing department inspects and penalises them as real_estate records.
  developer: trade({
    key: 'developer',
    labelZh: '房地产开发',
    kind: 'legal_person',
    variants: [['K7010', '房地产开发经营', '房地产开发有限公司']],
    licences: [LICENCES.development_qualification],
    supervisedBy: ['real_estate'],
  }),
} as const;

export type DemoTradeKey = keyof typeof TRADES;

/**
 * The legal persons' trades in turn (index i → LEGAL_CYCLE[i % 16]); position 2 is a hotel, the README's
 * 重庆恒通酒店有限公司2. Every tenth subject is an individual business, every 25th a school, every 50th a person.
 */
export const LEGAL_CYCLE: readonly DemoTradeKey[] = [
  'builder',
  'food_maker',
  'hotel',
  'trading',
  'restaurant',
  'builder',
  'pharmacy',
  'tech',
  'supermarket',
  'mall',
  'builder',
  'logistics',
  'restaurant',
  'property',
  'entertainment',
  'trading',
];
/** Subjects 0 … 299 take their trades from the cycles above. */
export const CYCLE_SUBJECTS = 300;
/**
 * Trades added later (a new industry's): subjects 300 onwards, LATER_BLOCK of each in turn. Append only — a trade
 * inserted before another would move that one's subjects (and their records, which tests and examples name).
 */
export const LATER_TRADES: readonly DemoTradeKey[] = ['housekeeper', 'developer', 'patent_agency'];
export const LATER_BLOCK = 10;

/** Individual businesses in turn (i → INDIVIDUAL_CYCLE[⌊i/10⌋ % 6]; six, so that the persons at i % 50 = 49 skip each once). */
export const INDIVIDUAL_CYCLE: readonly DemoTradeKey[] = [
  'snack_bar',
  'convenience',
  'drugstore',
  'internet_cafe',
  'clinic',
  'snack_bar',
];

/** Departments (数据来源单位 / 处罚机关) of each industry. */
export const DEPARTMENTS: Readonly<Record<SupervisingIndustry | 'general' | 'tax', string>> = {
  construction: '綦江区住房和城乡建设委员会',
  food_drug: '綦江区市场监督管理局',
  fire_safety: '綦江区消防救援支队',
  environment: '重庆市綦江区生态环境局',
  customs: '重庆海关',
  transport: '綦江区交通运输委员会',
  medical: '綦江区卫生健康委员会',
  housekeeping: '綦江区商务委员会',
  property: '綦江区住房和城乡建设委员会',
  real_estate: '綦江区住房和城乡建设委员会',
  ip: '綦江区市场监督管理局（知识产权局）',
  general: '綦江区市场监督管理局',
  tax: '国家税务总局重庆市綦江区税务局',
};
