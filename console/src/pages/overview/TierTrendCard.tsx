import { useMemo, useState } from 'react';
import { Card, Empty, Segmented, Select, Space, Spin, Table } from 'antd';
import { api, unwrap } from '../../api/client';
import { Chart } from '../../components/Chart';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TierTag } from '../../components/Tags';
import { useLang } from '../../i18n';
import { INDUSTRY, label, TIER_CHART, TIER_INDUSTRIES, tierLegend, tiersOf } from '../../lib/labels';
import { useApi } from '../../lib/useApi';

type Granularity = 'month' | 'week' | 'day';
type Industry = (typeof TIER_INDUSTRIES)[number];

/**
 * Tiers over time (信用等级变化趋势) of one industry, from tier history: stacked areas and the numbers. The
 * range is the service's default up to its today (12 months, 12 weeks or 30 days), not the browser's clock.
 */
export function TierTrendCard() {
  const { t, lang } = useLang();
  const [industry, setIndustry] = useState<Industry>('food_drug');
  const [granularity, setGranularity] = useState<Granularity>('month');
  const { data, loading, problem } = useApi(
    () =>
      unwrap(
        api.GET('/api/v1/tiering/trend', {
          params: { query: { industry, granularity } }, // the service's range: 12 months, 12 weeks or 30 days
        }),
      ),
    [industry, granularity],
  );
  const tiers = tiersOf(industry);
  const rows = useMemo(
    () =>
      (data?.periods ?? []).map((period) => {
        const counts: Record<string, number> = {};
        for (const it of data?.items ?? []) if (it.period === period) counts[it.tier] = it.subjects;
        return { period, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
      }),
    [data],
  );
  const empty = !loading && !(data?.items.length ?? 0);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: tiers.map((x) => tierLegend(x, lang)), top: 0 },
      grid: { left: 48, right: 16, bottom: 32, top: 40 },
      xAxis: { type: 'category', boundaryGap: false, data: rows.map((r) => r.period) },
      yAxis: { type: 'value', name: t('主体数', 'Subjects') },
      series: tiers.map((tier) => ({
        name: tierLegend(tier, lang),
        type: 'line',
        stack: 'tiers',
        areaStyle: { opacity: 0.35 },
        symbolSize: 5,
        itemStyle: { color: TIER_CHART[tier] },
        lineStyle: { color: TIER_CHART[tier] },
        // A period before any tier was recorded is a gap, not a zero: history starts when tiers are first stored.
        data: rows.map((r) => (r.total ? (r.counts[tier] ?? 0) : null)),
      })),
    }),
    [rows, tiers, t, lang],
  );
  return (
    <Card
      style={{ marginTop: 16 }}
      title={t('信用等级变化趋势', 'Tiers over time')}
      data-testid="trend-card"
      extra={
        <Space wrap>
          <Select<Industry>
            size="small"
            value={industry}
            onChange={setIndustry}
            style={{ width: 130 }}
            data-testid="trend-industry"
            options={TIER_INDUSTRIES.map((i) => ({ value: i, label: label(INDUSTRY, i, lang) }))}
          />
          <Segmented<Granularity>
            size="small"
            value={granularity}
            onChange={setGranularity}
            options={[
              { value: 'month', label: t('按月', 'Monthly') },
              { value: 'week', label: t('按周', 'Weekly') },
              { value: 'day', label: t('按日', 'Daily') },
            ]}
          />
        </Space>
      }
    >
      <ProblemAlert problem={problem} />
      <Spin spinning={loading}>
        {empty ? (
          <Empty
            description={t(
              '所选期间没有信用等级变更记录：等级在首次评价或变更时写入历史。',
              'No tier history in the period: tiers enter history when first evaluated or when they change.',
            )}
          />
        ) : (
          rows.length > 0 && (
            <Chart
              option={option}
              height={280}
              label={t('信用等级变化趋势堆叠面积图', 'Tiers over time, stacked areas')}
            />
          )
        )}
      </Spin>
      {!empty && (
        <Table
          rowKey="period"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={[...rows].reverse()}
          data-testid="trend-table"
          scroll={{ x: 600, y: 220 }}
          columns={[
            { title: t('周期（新→旧）', 'Period (newest first)'), dataIndex: 'period', width: 130 },
            ...tiers.map((tier) => ({
              title: <TierTag tier={tier} />,
              key: tier,
              align: 'right' as const,
              render: (_: unknown, r: { counts: Record<string, number>; total: number }) =>
                r.total ? (r.counts[tier] ?? 0) : '—',
            })),
            {
              title: t('合计', 'Total'),
              dataIndex: 'total',
              align: 'right' as const,
              render: (v: number) => v || '—',
            },
          ]}
        />
      )}
    </Card>
  );
}
