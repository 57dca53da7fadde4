/**
 * Which pages a key sees (console conventions: the menu grouped by role). A page is shown when the key
 * holds a scope that admits the page's main API route (the same rule as the service: any accepted scope,
 * or admin). The service still decides every call; this only keeps out of sight what would be refused.
 */
export type PageId =
  | 'overview'
  | 'subjects'
  | 'check'
  | 'plans'
  | 'packs'
  | 'import'
  | 'quality'
  | 'repair'
  | 'commitments'
  | 'governance'
  | 'audit'
  | 'keys';
export type GroupId = 'supervision' | 'rules' | 'credit' | 'check' | 'system';

export interface PageDef {
  readonly id: PageId;
  readonly group: GroupId;
  readonly path: string;
  readonly zh: string;
  readonly en: string;
  /** Scopes that admit the page's main route (admin always does). */
  readonly scopes: readonly string[];
  /** Built in this console version; others show in the menu only once built. */
  readonly built: boolean;
}

export const GROUPS: { id: GroupId; zh: string; en: string }[] = [
  { id: 'supervision', zh: '监管工作', en: 'Supervision' },
  { id: 'rules', zh: '规则管理', en: 'Rules' },
  { id: 'credit', zh: '信用信息', en: 'Credit information' },
  { id: 'check', zh: '逢办必查', en: 'Inline checks' },
  { id: 'system', zh: '系统管理', en: 'System' },
];

export const PAGES: readonly PageDef[] = [
  {
    id: 'overview',
    group: 'supervision',
    path: '/overview',
    zh: '监管总览',
    en: 'Overview',
    scopes: ['tiers'],
    built: true,
  },
  {
    id: 'subjects',
    group: 'supervision',
    path: '/subjects',
    zh: '主体查询',
    en: 'Subjects',
    scopes: ['subjects'],
    built: true,
  },
  {
    id: 'plans',
    group: 'supervision',
    path: '/inspection-plans',
    zh: '双随机抽查',
    en: 'Inspection plans',
    scopes: ['inspections'],
    built: true,
  },
  { id: 'packs', group: 'rules', path: '/packs', zh: '规则包', en: 'Rule packs', scopes: ['packs'], built: true },
  {
    id: 'import',
    group: 'credit',
    path: '/records/import',
    zh: '记录导入',
    en: 'Records import',
    scopes: ['records'],
    built: true,
  },
  {
    id: 'quality',
    group: 'credit',
    path: '/quality',
    zh: '双公示质量',
    en: 'Data quality',
    scopes: ['quality', 'records'],
    built: true,
  },
  {
    id: 'repair',
    group: 'credit',
    path: '/repair',
    zh: '信用修复',
    en: 'Credit repair',
    scopes: ['repair'],
    built: true,
  },
  {
    id: 'commitments',
    group: 'credit',
    path: '/commitments',
    zh: '信用承诺',
    en: 'Commitments',
    scopes: ['records', 'repair'],
    built: true,
  },
  {
    id: 'governance',
    group: 'credit',
    path: '/governance',
    zh: '专项治理',
    en: 'Special governance',
    scopes: ['repair'],
    built: true,
  },
  {
    id: 'check',
    group: 'check',
    path: '/check',
    zh: '核查办理',
    en: 'Check a transaction',
    scopes: ['checks'],
    built: true,
  },
  { id: 'audit', group: 'system', path: '/audit', zh: '审计日志', en: 'Audit trail', scopes: ['audit'], built: true },
  { id: 'keys', group: 'system', path: '/keys', zh: 'API密钥', en: 'API keys', scopes: ['admin'], built: true },
];

export function admits(granted: readonly string[], accepted: readonly string[]): boolean {
  return granted.includes('admin') || accepted.some((s) => granted.includes(s));
}

/** The pages a key may open, in menu order (only those this console version has built). */
export function visiblePages(granted: readonly string[]): PageDef[] {
  return PAGES.filter((p) => p.built && admits(granted, p.scopes));
}

/** The first page after sign-in: the first visible one (a clerk's key lands on the check form). */
export function homePath(granted: readonly string[]): string | null {
  return visiblePages(granted)[0]?.path ?? null;
}
