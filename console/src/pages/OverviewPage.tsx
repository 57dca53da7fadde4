import { useMemo } from 'react';
import { Card, Col, Empty, Row, Spin, Table } from 'antd';
import { api, unwrap } from '../api/client';
import { Chart } from '../components/Chart';
import { PageHead } from '../components/PageHead';
import { ProblemAlert } from '../components/ProblemAlert';
import { TierTag } from '../components/Tags';
import { useLang } from '../i18n';
import { INDUSTRY, label, TIER_CHART, tierLegend, TIERS } from '../lib/labels';
import { admits } from '../lib/access';
import { useApi } from '../lib/useApi';
import { useSession } from '../session';
import { DueInspectionsCard } from './overview/DueInspectionsCard';
import { TierChangesCard } from './overview/TierChangesCard';
import { TierTrendCard } from './overview/TierTrendCard';
import { XinyiFeedbackCard } from './overview/XinyiFeedbackCard';

/**
 * Supervisor's overview (监管总览): tier distribution per industry (stacked bars and the table), tiers over
 * time from tier history, inspections due (with the inspections scope), the recent tier changes
 * and the 信易+ scenario feedback (with the feedback or audit scope).
 */
export default function OverviewPage() {
  const { t, lang } = useLang();
  const scopes = useSession().me?.scopes ?? [];
  const { data, loading, problem } = useApi(() => unwrap(api.GET('/api/v1/tiering/distribution')), []);
  const table = useMemo(() => {
    const rows = new Map<string, Record<string, number>>();
    for (const it of data?.items ?? []) {
      const row = rows.get(it.industry) ?? {};
      row[it.tier] = (row[it.tier] ?? 0) + it.subjects;
      rows.set(it.industry, row);
    }
    return [...rows.entries()].map(([industry, counts]) => ({
      industry,
      counts,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
    }));
  }, [data]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: TIERS.map((x) => tierLegend(x, lang)), top: 0 },
      grid: { left: 48, right: 16, bottom: 32, top: 40 },
      xAxis: { type: 'category', data: table.map((r) => label(INDUSTRY, r.industry, lang)) },
      yAxis: { type: 'value', name: t('主体数', 'Subjects') },
      series: TIERS.map((tier) => ({
        name: tierLegend(tier, lang),
        type: 'bar',
        stack: 'tiers',
        itemStyle: { color: TIER_CHART[tier] },
        data: table.map((r) => r.counts[tier] ?? 0),
      })),
    }),
    [table, lang, t],
  );
  const fmt = (n: number | undefined) => (n ?? 0).toLocaleString('zh-CN');
  return (
    <>
      <PageHead
        crumbs={[{ label: t('监管工作', 'Supervision') }, { label: t('监管总览', 'Overview') }]}
        title={t('分行业信用等级分布', 'Tier distribution per industry')}
      />
      <ProblemAlert problem={problem} />
      <Card>
        <Spin spinning={loading}>
          {table.length === 0 && !loading ? (
            <Empty
              description={t(
                '尚无信用等级：请先导入记录并运行批量分级（POST /api/v1/tiering/runs）。',
                'No tiers yet: import records, then run batch tiering (POST /api/v1/tiering/runs).',
              )}
            />
          ) : (
            table.length > 0 && (
              <Chart
                option={option}
                label={t('分行业信用等级分布柱状图', 'Tier distribution per industry, stacked bars')}
              />
            )
          )}
        </Spin>
      </Card>
      <Card style={{ marginTop: 16 }} title={t('分行业信用等级分布数据表', 'Tier distribution: the numbers')}>
        <Table
          rowKey="industry"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={table}
          data-testid="distribution-table"
          columns={[
            {
              title: t('行业', 'Industry'),
              dataIndex: 'industry',
              fixed: 'left',
              render: (v: string) => label(INDUSTRY, v, lang),
            },
            ...TIERS.map((tier) => ({
              title: <TierTag tier={tier} />,
              key: tier,
              align: 'right' as const,
              render: (_: unknown, r: { counts: Record<string, number> }) => fmt(r.counts[tier]),
            })),
            { title: t('合计', 'Total'), dataIndex: 'total', align: 'right' as const, render: (v: number) => fmt(v) },
          ]}
        />
      </Card>
      <TierTrendCard />
      <Row gutter={16} style={{ marginTop: 16 }}>
        {admits(scopes, ['inspections']) && (
          <Col xs={24} xl={12}>
            <DueInspectionsCard />
          </Col>
        )}
        <Col xs={24} xl={admits(scopes, ['inspections']) ? 12 : 24}>
          <TierChangesCard subjectLinks={admits(scopes, ['subjects'])} />
        </Col>
      </Row>
      {admits(scopes, ['feedback', 'audit']) && <XinyiFeedbackCard />}
    </>
  );
}
