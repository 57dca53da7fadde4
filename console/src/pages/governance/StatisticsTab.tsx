import { Table, Tag, Typography } from 'antd';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLang } from '../../i18n';
import { useApi } from '../../lib/useApi';
import { pct } from './shared';

type Rate = Schemas['ExitRateDto'];

/** Exit rate per responsible department and overall (治理对象退出率), against the district target of 100%. */
export function StatisticsTab({ tick }: { tick: number }) {
  const { t } = useLang();
  const { data, loading, problem } = useApi(() => unwrap(api.GET('/api/v1/governance/statistics')), [tick]);
  const rows: (Rate & { total?: boolean })[] = data ? [...data.departments, { ...data.overall, total: true }] : [];
  return (
    <>
      <ProblemAlert problem={problem} />
      {data && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('统计日期', 'As of')} {data.asOf} · {t('目标', 'Target')}: {data.target} ·{' '}
          {t(
            '退出率 =（整改到位 + 信用修复）÷（治理对象数 − 其他情形办结）',
            'exit rate = (rectified + repaired) ÷ (entries − closed otherwise)',
          )}{' '}
          <Tag>{t('地方参数', 'local parameter')}</Tag>
        </Typography.Paragraph>
      )}
      <Table<Rate & { total?: boolean }>
        rowKey={(r) => (r.total ? '__total' : r.department)}
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        data-testid="exit-rate-table"
        locale={{ emptyText: t('台账中没有条目。', 'The ledger is empty.') }}
        columns={[
          {
            title: t('责任部门', 'Department'),
            dataIndex: 'department',
            fixed: 'left',
            render: (v: string, r) => (r.total ? <b>{t('合计', 'Total')}</b> : v),
          },
          { title: t('治理对象数', 'Entries'), dataIndex: 'entries', align: 'right' },
          { title: t('治理中', 'Open'), dataIndex: 'open', align: 'right' },
          { title: t('整改到位', 'Rectified'), dataIndex: 'rectified', align: 'right' },
          { title: t('信用修复', 'Repaired'), dataIndex: 'repaired', align: 'right' },
          { title: t('其他情形办结', 'Closed otherwise'), dataIndex: 'closedOther', align: 'right' },
          {
            title: t('退出率', 'Exit rate'),
            dataIndex: 'exitRate',
            align: 'right',
            render: (v: number | null) =>
              v === null ? '—' : v >= 1 ? <Tag color="success">{pct(v)}</Tag> : <Tag color="warning">{pct(v)}</Tag>,
          },
        ]}
      />
    </>
  );
}
