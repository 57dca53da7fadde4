import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, unwrap, ApiError, type Schemas } from '../../api/client';
import { Chart } from '../../components/Chart';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TierTag } from '../../components/Tags';
import { useLang } from '../../i18n';
import type { Problem } from '../../lib/problem';
import type { Draft } from '../PackPage';

type Report = Schemas['SimulationReportDto'];
type Change = Schemas['TierChangeDto'];

const TIER_ORDER = ['AAA', 'AA', 'A', 'B', 'C', 'D', 'E', 'BL'];

/**
 * Simulate (影响模拟): today's subjects evaluated under the version in force and under the saved draft
 * (POST /packs/{id}/simulate): the tier distribution before and after as a bar chart (ECharts, lazily
 * loaded) with its numbers, and the subjects whose tier changes with the rules that start or stop firing.
 */
export function SimulateTab({ id, draft, tierPack }: { id: string; draft: Draft; tierPack: boolean }) {
  const { t } = useLang();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const tiers = useMemo(() => {
    if (!report) return [];
    const all = new Set([...Object.keys(report.distribution.before), ...Object.keys(report.distribution.after)]);
    return [...all].sort((a, b) => (TIER_ORDER.indexOf(a) + 1 || 99) - (TIER_ORDER.indexOf(b) + 1 || 99));
  }, [report]);
  const option = useMemo(
    () =>
      report && {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, right: 0, data: [t('现行版本', 'In force'), t('草稿', 'Draft')] },
        grid: { left: 48, right: 16, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: tiers.map((x) => `${x} ${t('级', '')}`.trim()) },
        yAxis: { type: 'value', name: t('主体数', 'Subjects'), minInterval: 1 },
        series: [
          {
            name: t('现行版本', 'In force'),
            type: 'bar',
            data: tiers.map((x) => report.distribution.before[x] ?? 0),
            itemStyle: { color: '#8c8c8c' },
          },
          {
            name: t('草稿', 'Draft'),
            type: 'bar',
            data: tiers.map((x) => report.distribution.after[x] ?? 0),
            itemStyle: { color: '#1677ff' },
          },
        ],
      },
    [report, tiers, t],
  );

  if (!tierPack)
    return (
      <Alert
        type="info"
        showIcon
        title={t(
          '措施包的模拟（核查回放）暂请使用 API。',
          'The measures’ simulation (check replay) is API only for now.',
        )}
      />
    );

  const go = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await unwrap(
        api.POST('/api/v1/packs/{id}/simulate', {
          params: { path: { id } },
          body: asOf ? { asOf: asOf.format('YYYY-MM-DD') } : {},
        }),
      );
      setReport(r as Report);
    } catch (e) {
      setReport(null);
      setProblem(e instanceof ApiError ? e.problem : { title: String(e), status: 0 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <DatePicker
          style={{ width: 200 }}
          value={asOf}
          onChange={setAsOf}
          placeholder={t('基准日（默认今天）', 'As of (default today)')}
        />
        <Button type="primary" onClick={() => void go()} loading={busy} data-testid="run-simulation">
          {t('运行模拟', 'Simulate')}
        </Button>
        <Typography.Text type="secondary">
          {t(
            `模拟已保存的草稿（修订号 ${draft.revision}），不保存任何结果。`,
            `Simulates the saved draft (revision ${draft.revision}); nothing is stored.`,
          )}
        </Typography.Text>
      </Space>
      <ProblemAlert problem={problem} />
      {report && option && (
        <div data-testid="simulation-result">
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('等级分布：现行版本与草稿', 'Tier distribution: in force and draft')}>
                <Chart option={option} height={280} label={t('等级分布对比', 'Tier distribution before and after')} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('概要', 'Summary')}>
                <Space size="large" style={{ marginBottom: 8 }}>
                  <Statistic title={t('评价主体', 'Subjects')} value={report.subjectsEvaluated} />
                  <Statistic title={t('等级变化', 'Tier changes')} value={report.changedCount} />
                  <Statistic title={t('基准日', 'As of')} value={report.asOf} />
                </Space>
                <Table
                  rowKey="tier"
                  size="small"
                  pagination={false}
                  dataSource={tiers.map((x) => ({
                    tier: x,
                    before: report.distribution.before[x] ?? 0,
                    after: report.distribution.after[x] ?? 0,
                  }))}
                  columns={[
                    { title: t('等级', 'Tier'), dataIndex: 'tier', render: (v: string) => <TierTag tier={v} /> },
                    { title: `${t('现行', 'In force')} v${report.activeVersion}`, dataIndex: 'before', align: 'right' },
                    { title: `${t('草稿', 'Draft')} v${report.draftVersion}`, dataIndex: 'after', align: 'right' },
                  ]}
                />
                <ul style={{ margin: '8px 0 0', paddingLeft: 18 }}>
                  {report.summary.map((s, i) => (
                    <li key={i}>{s}</li>
                  ))}
                </ul>
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            style={{ marginTop: 16 }}
            title={t('等级变化的主体及原因', 'Subjects whose tier changes, and why')}
          >
            <Table<Change>
              rowKey="subjectId"
              size="small"
              dataSource={report.changed}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              data-testid="simulation-changes"
              locale={{ emptyText: t('没有主体的等级发生变化。', 'No subject changes tier.') }}
              columns={[
                { title: t('名称', 'Name'), dataIndex: 'name' },
                {
                  title: t('统一社会信用代码', 'Credit code'),
                  dataIndex: 'code',
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('现行', 'In force'),
                  key: 'b',
                  render: (_: unknown, c) => (
                    <span>
                      <TierTag tier={c.before.tier} /> {c.before.score}
                    </span>
                  ),
                },
                {
                  title: t('草稿', 'Draft'),
                  key: 'a',
                  render: (_: unknown, c) => (
                    <span>
                      <TierTag tier={c.after.tier} /> {c.after.score}
                    </span>
                  ),
                },
                {
                  title: t('原因', 'Why'),
                  key: 'why',
                  render: (_: unknown, c) => (
                    <Space size={2} wrap>
                      {c.rulesAdded.map((r) => (
                        <Tag key={`+${r}`} color="red">
                          + {r}
                        </Tag>
                      ))}
                      {c.rulesRemoved.map((r) => (
                        <Tag key={`-${r}`} color="green">
                          − {r}
                        </Tag>
                      ))}
                      {c.rulesAdded.length + c.rulesRemoved.length === 0 && (
                        <Typography.Text type="secondary">
                          {t('分数线或等级区间变化', 'Tier boundaries changed')}
                        </Typography.Text>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </div>
      )}
    </>
  );
}
