import { Card, Space, Statistic, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TierTag } from '../../components/Tags';
import { useLang } from '../../i18n';
import { INDUSTRY, label } from '../../lib/labels';
import { useApi } from '../../lib/useApi';

type Due = Schemas['DueInspectionDto'];

/** Inspections due (待检查): subjects drawn in a plan with no result yet, the soonest period end first. */
export function DueInspectionsCard() {
  const { t, lang } = useLang();
  const { data, loading, problem } = useApi(
    () => unwrap(api.GET('/api/v1/inspections/due', { params: { query: { limit: 8 } } })),
    [],
  );
  return (
    <Card
      title={t('待检查', 'Inspections due')}
      data-testid="due-card"
      extra={<Link to="/inspection-plans">{t('抽查计划', 'Plans')}</Link>}
      style={{ height: '100%' }}
    >
      <ProblemAlert problem={problem} />
      <Space size="large" style={{ marginBottom: 8 }}>
        <Statistic title={t('未录入结果', 'No result yet')} value={data?.total ?? 0} loading={loading} />
        <Statistic
          title={t('已逾期', 'Overdue')}
          value={data?.overdue ?? 0}
          loading={loading}
          valueStyle={data?.overdue ? { color: '#cf1322' } : undefined}
        />
      </Space>
      <Table<Due>
        rowKey="itemId"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.items ?? []}
        data-testid="due-table"
        scroll={{ x: 520 }}
        locale={{
          emptyText: t('没有待录入结果的抽查对象。', 'Every subject drawn has its result recorded.'),
        }}
        columns={[
          {
            title: t('检查对象', 'Subject'),
            key: 'subject',
            ellipsis: true,
            render: (_: unknown, d) => <Link to={`/inspection-plans/${d.planId}`}>{d.subject.name}</Link>,
          },
          {
            title: t('行业', 'Industry'),
            dataIndex: 'industry',
            width: 90,
            render: (v: string) => label(INDUSTRY, v, lang),
          },
          { title: t('等级', 'Tier'), dataIndex: 'tier', width: 60, render: (v: string) => <TierTag tier={v} /> },
          {
            title: t('检查期限', 'Due by'),
            key: 'to',
            width: 130,
            render: (_: unknown, d) => (
              <span>
                {d.period.to} {d.overdue && <Tag color="error">{t('逾期', 'Overdue')}</Tag>}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
