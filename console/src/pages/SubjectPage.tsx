import { useMemo } from 'react';
import { Button, Card, Col, Descriptions, Empty, Row, Space, Spin, Table, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../api/client';
import { Chart } from '../components/Chart';
import { PageHead } from '../components/PageHead';
import { ProblemAlert } from '../components/ProblemAlert';
import { LegalBasisList, TierTag } from '../components/Tags';
import { useLang } from '../i18n';
import { admits } from '../lib/access';
import { INDUSTRY, label, SUBJECT_KIND, TIERS, triggerLabel } from '../lib/labels';
import { useApi } from '../lib/useApi';
import { useSession } from '../session';
import { CST_OFFSET_MS, cstDate, cstDateTime, DAY_MS } from '../lib/dates';
import { IndustriesCard } from './subject/IndustriesCard';
import { RecordsCard } from './subject/RecordsCard';

type Fired = Schemas['FiredRuleDto'];
type HistoryEntry = Schemas['TierHistoryEntryDto'];

/** A subject (主体详情): tier per industry with the fired rules and legal basis, records, tier history. */
export default function SubjectPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const { me } = useSession();
  const nav = useNavigate();
  const scopes = me?.scopes ?? [];
  const subject = useApi(() => unwrap(api.GET('/api/v1/subjects/{id}', { params: { path: { id } } })), [id]);
  const tiers = useApi(
    () =>
      admits(scopes, ['tiers'])
        ? unwrap(api.GET('/api/v1/subjects/{id}/tiers', { params: { path: { id } } }))
        : Promise.resolve(null),
    [id],
  );
  const history = useApi(
    () =>
      admits(scopes, ['tiers'])
        ? unwrap(api.GET('/api/v1/subjects/{id}/tiers/history', { params: { path: { id }, query: { limit: 200 } } }))
        : Promise.resolve(null),
    [id],
  );
  const records = useApi(
    () =>
      admits(scopes, ['records'])
        ? unwrap(api.GET('/api/v1/subjects/{id}/records', { params: { path: { id }, query: { includeEnded: true } } }))
        : Promise.resolve(null),
    [id],
  );
  const s = subject.data;
  const decisionNumbers = useMemo(
    () => new Map((records.data?.records ?? []).map((r) => [r.id, r.decisionNumber])),
    [records.data],
  );

  const historyOption = useMemo(() => {
    // Placed on the day each tier held from (asOf: a backdated run's rows sit on their own day), oldest first.
    const items = [...(history.data?.items ?? [])].reverse().sort((a, b) => a.asOf.localeCompare(b.asOf));
    const industries = [...new Set(items.map((h) => h.industry))];
    const tierIndex = (tier: string | null) =>
      tier ? TIERS.length - TIERS.indexOf(tier as (typeof TIERS)[number]) : null;
    return {
      // Days (asOf, YYYY-MM-DD) on a UTC axis, never the browser's zone nor hour ticks: a date's UTC midnight is
      // its point, so day ticks fall on the date itself.
      useUTC: true,
      tooltip: {
        trigger: 'axis',
        formatter: (ps: Array<{ value: [number, number | null]; seriesName: string; marker: string }>) =>
          [
            new Date(ps[0]?.value[0] ?? NaN).toISOString().slice(0, 10),
            ...ps.map(
              (p) => `${p.marker}${p.seriesName} ${p.value[1] === null ? '—' : TIERS[TIERS.length - p.value[1]]}`,
            ),
          ].join('<br/>'),
      },
      legend: { data: industries.map((i) => label(INDUSTRY, i, lang)), top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 32 },
      xAxis: {
        type: 'time',
        minInterval: DAY_MS,
        axisLabel: { formatter: (v: number) => cstDate(v - CST_OFFSET_MS), hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        min: 1,
        max: TIERS.length,
        interval: 1,
        axisLabel: { formatter: (v: number) => TIERS[TIERS.length - v] ?? '' },
      },
      series: industries.map((ind) => ({
        name: label(INDUSTRY, ind, lang),
        type: 'line',
        step: 'end',
        data: items.filter((h) => h.industry === ind).map((h) => [Date.parse(h.asOf), tierIndex(h.tier)]),
      })),
    };
  }, [history.data, lang]);

  return (
    <>
      <PageHead
        crumbs={[
          { label: t('监管工作', 'Supervision') },
          { label: t('主体查询', 'Subjects'), to: '/subjects' },
          { label: s?.name ?? '…' },
        ]}
        title={s?.name ?? t('信用主体', 'Subject')}
        extra={
          admits(scopes, ['records']) && (
            <Button type="primary" onClick={() => void nav(`/subjects/${id}/report`)} data-testid="open-report">
              {t('信用报告', 'Credit report')}
            </Button>
          )
        }
      />
      <ProblemAlert problem={subject.problem} />
      <Card loading={subject.loading}>
        {s && (
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('主体类型', 'Kind')}>{label(SUBJECT_KIND, s.kind, lang)}</Descriptions.Item>
            <Descriptions.Item label={s.code ? t('统一社会信用代码', 'Credit code') : t('身份证号', 'ID number')}>
              {s.code ?? s.idMasked}
            </Descriptions.Item>
            <Descriptions.Item label={t('行政区划', 'Region')}>{s.region ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('成立日期', 'Registered on')}>{s.registeredOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('行业代码', 'Industry code')}>{s.industryCode ?? '—'}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>

      {admits(scopes, ['tiers', 'subjects']) && (
        <IndustriesCard
          subjectId={id}
          canDecide={admits(scopes, ['tiers'])}
          decisionNumbers={decisionNumbers}
          onChanged={() => {
            tiers.reload();
            history.reload();
          }}
        />
      )}

      {admits(scopes, ['tiers']) && (
        <Card style={{ marginTop: 16 }} title={t('分行业信用等级', 'Tier per industry')}>
          <ProblemAlert problem={tiers.problem} />
          <Spin spinning={tiers.loading}>
            {tiers.data && tiers.data.tiers.length === 0 && (
              <Empty description={t('该主体暂无适用的行业规则包。', 'No industry pack applies to this subject yet.')} />
            )}
            <Row gutter={[16, 16]}>
              {(tiers.data?.tiers ?? []).map((tv) => (
                <Col span={24} key={tv.industry} data-testid={`tier-${tv.industry}`}>
                  <Card
                    size="small"
                    type="inner"
                    title={
                      <Space>
                        {label(INDUSTRY, tv.industry, lang)}
                        <TierTag tier={tv.tier} label={lang === 'zh' ? tv.tierLabelZh : tv.tierLabel} />
                        <Typography.Text type="secondary">
                          {t('信用分', 'Score')} {tv.score}
                        </Typography.Text>
                      </Space>
                    }
                    extra={
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {tv.pack.id} v{tv.pack.version} · {t('评价基准日', 'as of')} {tv.asOf}
                      </Typography.Text>
                    }
                  >
                    <Table<Fired>
                      rowKey={(r) => r.rule}
                      size="small"
                      pagination={false}
                      dataSource={tv.fired}
                      locale={{ emptyText: t('无触发规则（基础分）。', 'No rule fired (base score).') }}
                      columns={[
                        { title: t('规则', 'Rule'), dataIndex: 'rule', width: 200 },
                        {
                          title: t('影响', 'Effect'),
                          key: 'effect',
                          width: 110,
                          render: (_: unknown, f) =>
                            f.type === 'score' ? (
                              `${(f.points ?? 0) > 0 ? '+' : ''}${f.points ?? 0}`
                            ) : (
                              <span>
                                {f.type === 'set-tier' ? t('直接判级', 'set to') : t('最高定为', 'caps at')}{' '}
                                <TierTag tier={f.tier ?? null} />
                              </span>
                            ),
                        },
                        {
                          title: t('原因', 'Reason'),
                          key: 'reason',
                          render: (_: unknown, f) => (lang === 'zh' ? f.reasonZh : f.reason),
                        },
                        {
                          title: t('法律依据', 'Legal basis'),
                          key: 'basis',
                          render: (_: unknown, f) => <LegalBasisList basis={f.legalBasis} />,
                        },
                      ]}
                    />
                    <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
                      {t('监管措施', 'Inspection policy')}: {t('抽查比例', 'sampling')}{' '}
                      {(tv.inspectionPolicy.samplingRatio * 100).toFixed(0)}% · {t('年检查频次', 'inspections a year')}{' '}
                      {tv.inspectionPolicy.minInspectionsPerYear}
                      {tv.inspectionPolicy.noteZh && lang === 'zh'
                        ? ` · ${tv.inspectionPolicy.noteZh}`
                        : tv.inspectionPolicy.note
                          ? ` · ${tv.inspectionPolicy.note}`
                          : ''}
                    </Typography.Paragraph>
                  </Card>
                </Col>
              ))}
            </Row>
          </Spin>
        </Card>
      )}

      {admits(scopes, ['records']) && <RecordsCard records={records} />}

      {admits(scopes, ['tiers']) && (
        <Card style={{ marginTop: 16 }} title={t('信用等级变更记录', 'Tier history')}>
          <ProblemAlert problem={history.problem} />
          {(history.data?.items.length ?? 0) > 0 && (
            <Chart option={historyOption} height={240} label={t('信用等级变化折线图', 'Tier over time')} />
          )}
          <Table<HistoryEntry>
            rowKey="id"
            size="small"
            loading={history.loading}
            dataSource={history.data?.items ?? []}
            data-testid="history-table"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('暂无变更记录。', 'No change recorded yet.') }}
            columns={[
              { title: t('时间', 'When'), dataIndex: 'computedAt', render: (v: string) => cstDateTime(v) },
              { title: t('评价基准日', 'As of'), dataIndex: 'asOf', width: 110 },
              { title: t('行业', 'Industry'), dataIndex: 'industry', render: (v: string) => label(INDUSTRY, v, lang) },
              {
                title: t('变更', 'Change'),
                key: 'change',
                render: (_: unknown, h) => (
                  <span>
                    <TierTag tier={h.previousTier} /> → <TierTag tier={h.tier} />
                  </span>
                ),
              },
              { title: t('信用分', 'Score'), dataIndex: 'score', render: (v: number | null) => v ?? '—' },
              {
                title: t('变更原因', 'Trigger'),
                dataIndex: 'trigger',
                render: (v: string) => triggerLabel(v, lang),
              },
              { title: t('规则包', 'Pack'), key: 'pack', render: (_: unknown, h) => `${h.packId} v${h.packVersion}` },
            ]}
          />
        </Card>
      )}
    </>
  );
}
