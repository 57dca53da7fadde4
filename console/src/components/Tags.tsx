import { Tag, Tooltip } from 'antd';
import { useLang } from '../i18n';
import { BASIS_STATUS, EFFECT, TIER_TAG, tierName, VERDICT } from '../lib/labels';
import type { Schemas } from '../api/client';

/** A credit tier: colour and letter, never colour alone; M 新设立 and N 未评价 by name too (no letter grade). */
export function TierTag({ tier, label }: { tier: string | null; label?: string | null }) {
  const { lang } = useLang();
  if (!tier) return <Tag>—</Tag>;
  const words = label ?? (tier === 'M' || tier === 'N' ? tierName(tier, lang) : null);
  return (
    <Tag color={TIER_TAG[tier] ?? 'default'} data-tier={tier}>
      {tier}
      {words ? ` ${words}` : ''}
    </Tag>
  );
}

export function VerdictTag({ verdict }: { verdict: string }) {
  const { lang } = useLang();
  const v = VERDICT[verdict];
  return (
    <Tag color={v?.color ?? 'default'} data-verdict={verdict}>
      {v ? (lang === 'zh' ? v.zh : `${v.en} ${v.zh}`) : verdict}
    </Tag>
  );
}

export function EffectTag({ effect }: { effect: string }) {
  const { lang } = useLang();
  const v = EFFECT[effect];
  return <Tag color={v?.color ?? 'default'}>{v ? (lang === 'zh' ? v.zh : v.en) : effect}</Tag>;
}

type Basis = Schemas['ResolvedLegalBasisDto'];

/** Each legal source with its document number, article and verification status (shown beside every measure and rule). */
export function LegalBasisList({ basis: one }: { basis: Basis | readonly Basis[] }) {
  const { lang } = useLang();
  const basis: readonly Basis[] = Array.isArray(one) ? one : [one as Basis];
  if (!basis.length) return <span>—</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {basis.map((b, i) => {
        const s = BASIS_STATUS[b.status];
        return (
          <li key={i}>
            {(lang === 'zh' && b.titleZh) || b.title}
            {b.documentNumber ? `（${b.documentNumber}）` : ''}
            {b.article ? ` ${b.article}` : ''}{' '}
            <Tooltip title={b.note}>
              <Tag color={s?.color ?? 'default'} style={{ marginInlineStart: 4 }}>
                {s ? (lang === 'zh' ? s.zh : s.en) : b.status}
              </Tag>
            </Tooltip>
          </li>
        );
      })}
    </ul>
  );
}
