import { useMemo, useState } from 'react';
import { Card, Input, Table, Tag, Tooltip } from 'antd';
import type { Schemas } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLang } from '../../i18n';
import type { Problem } from '../../lib/problem';
import { FACT_SCOPE } from '../../lib/labels';

type Fact = Schemas['FactDefinitionDto'];

/** The fact catalogue (事实目录, GET /api/v1/facts) beside the editor: name, Chinese label, type; a click inserts the name. */
export function FactCatalogue({
  facts: { data, loading, problem },
  onPick,
}: {
  facts: { data: { items: Fact[] } | null; loading: boolean; problem: Problem | null };
  onPick?(name: string): void;
}) {
  const { t, lang } = useLang();
  const [q, setQ] = useState('');
  const rows = useMemo(() => {
    const s = q.trim().toLowerCase();
    return (data?.items ?? []).filter(
      (f) =>
        !s ||
        f.name.toLowerCase().includes(s) ||
        f.descriptionZh.includes(s) ||
        f.description.toLowerCase().includes(s),
    );
  }, [data, q]);
  return (
    <Card size="small" title={t('事实目录', 'Fact catalogue')} data-testid="fact-catalogue">
      <ProblemAlert problem={problem} />
      <Input.Search
        size="small"
        allowClear
        placeholder={t('按名称或说明筛选', 'Filter by name or description')}
        onChange={(e) => setQ(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      <Table<Fact>
        rowKey="name"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 520 }}
        onRow={(f) => ({ onClick: () => onPick?.(f.name), style: { cursor: onPick ? 'copy' : undefined } })}
        columns={[
          {
            title: t('事实', 'Fact'),
            dataIndex: 'name',
            render: (v: string, f) => (
              <Tooltip title={`${f.derivedFrom}${f.values ? ` · ${f.values.join(' / ')}` : ''}`}>
                <div>
                  <code style={{ fontSize: 12 }}>{v}</code>
                  <div style={{ fontSize: 12, color: '#666' }}>{lang === 'zh' ? f.descriptionZh : f.description}</div>
                </div>
              </Tooltip>
            ),
          },
          {
            title: t('范围', 'Scope'),
            dataIndex: 'scope',
            width: 84,
            render: (v: string) => {
              const s = FACT_SCOPE[v];
              return (
                <Tooltip
                  title={t(
                    '本行业：只计本规则包行业的记录；跨行业：各行业记录、名单、纳税等级，须在 crossIndustryFacts 中说明理由',
                    "Own industry: the pack's industry's records only; cross-industry: every industry, lists, the tax level — declared with the reason in crossIndustryFacts",
                  )}
                >
                  <Tag color={s?.color} data-testid={`fact-scope-${v}`}>
                    {s ? (lang === 'zh' ? s.zh : s.en) : v}
                  </Tag>
                </Tooltip>
              );
            },
          },
          {
            title: t('类型', 'Type'),
            dataIndex: 'type',
            width: 80,
            render: (v: string, f) => (
              <Tag>
                {v}
                {f.nullable ? '?' : ''}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
