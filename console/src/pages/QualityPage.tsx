import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, unwrap, type Schemas } from '../api/client';
import { PageHead } from '../components/PageHead';
import { ProblemAlert } from '../components/ProblemAlert';
import { useLang } from '../i18n';
import { useApi } from '../lib/useApi';
import { FailuresTab } from './quality/FailuresTab';
import { LedgersTab } from './quality/LedgersTab';
import { LegalFindingsTab } from './quality/LegalFindingsTab';
import type { QualityQuery } from './quality/query';

type Dept = Schemas['DepartmentQualityDto'];
interface Filters {
  range?: [Dayjs, Dayjs];
  department?: string;
  recordGroup?: QualityQuery['recordGroup'];
}

const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(2)}%`);

/**
 * 双公示 data quality per department (数据质量): 上报率、合规率、及时率 and duplicate or wrong codes (重错码);
 * the failing rows behind them (问题数据); the decision ledgers declared (台账申报), viewed and corrected here.
 */
export default function QualityPage() {
  const { t } = useLang();
  const [filters, setFilters] = useState<Filters>({});
  const [tab, setTab] = useState('statistics');
  const query = useMemo<QualityQuery>(
    () => ({
      ...(filters.range
        ? { from: filters.range[0].format('YYYY-MM-DD'), to: filters.range[1].format('YYYY-MM-DD') }
        : {}),
      ...(filters.department?.trim() ? { department: filters.department.trim() } : {}),
      ...(filters.recordGroup ? { recordGroup: filters.recordGroup } : {}),
    }),
    [filters],
  );
  const [form] = Form.useForm<Filters>();
  const { data, loading, problem, reload } = useApi(
    () => unwrap(api.GET('/api/v1/quality/statistics', { params: { query } })),
    [query],
  );
  const showFailures = (department: string) => {
    form.setFieldValue('department', department);
    setFilters((f) => ({ ...f, department }));
    setTab('failures');
  };
  const rows: (Dept & { key: string; total?: boolean })[] = data
    ? [...data.departments.map((d) => ({ ...d, key: d.department })), { ...data.totals, key: '__total', total: true }]
    : [];
  return (
    <>
      <PageHead
        crumbs={[{ label: t('信用信息', 'Credit information') }, { label: t('双公示质量', 'Data quality') }]}
        title={t('“双公示”数据质量', 'Data quality of public decisions (双公示)')}
      />
      <Card>
        <Form<Filters> form={form} layout="inline" onFinish={setFilters} style={{ rowGap: 8 }}>
          <Form.Item name="range" label={t('决定日期', 'Decided')}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="department" label={t('数据来源单位', 'Department')}>
            <Input allowClear style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="recordGroup" label={t('信息类别', 'Records')}>
            <Select
              allowClear
              style={{ width: 260 }}
              placeholder={t('全部', 'All')}
              options={[
                {
                  value: 'shuang_gongshi',
                  label: t('双公示（行政许可、行政处罚）', 'Licences and penalties (双公示)'),
                },
                {
                  value: 'admin_info',
                  label: t('其他行政管理信息（强制、奖励、确认、裁决、监督检查）', 'Other administrative information'),
                },
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">{t('查询', 'Search')}</Button>
          </Form.Item>
        </Form>
        <Tabs
          style={{ marginTop: 8 }}
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'statistics',
              label: t('质量统计', 'Rates'),
              children: (
                <>
                  <ProblemAlert problem={problem} style={{ marginTop: 12 }} />
                  {data && (
                    <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
                      {data.from} ~ {data.to}
                    </Typography.Paragraph>
                  )}
                  <Table
                    rowKey="key"
                    size="small"
                    loading={loading}
                    dataSource={rows}
                    pagination={false}
                    data-testid="quality-table"
                    scroll={{ x: 900 }}
                    locale={{
                      emptyText: t(
                        '所选期间没有行政许可、行政处罚记录。',
                        'No licence or penalty record in the period.',
                      ),
                    }}
                    columns={[
                      {
                        title: t('数据来源单位', 'Department'),
                        dataIndex: 'department',
                        fixed: 'left',
                        render: (v: string, r) =>
                          r.total ? (
                            <b>{t('合计', 'Total')}</b>
                          ) : (
                            <Typography.Link
                              onClick={() => showFailures(v)}
                              title={t('查看问题数据', 'See the failing rows')}
                            >
                              {v}
                            </Typography.Link>
                          ),
                      },
                      { title: t('上报数', 'Received'), dataIndex: 'received', align: 'right' },
                      { title: t('入库', 'Accepted'), dataIndex: 'accepted', align: 'right' },
                      {
                        title: t('退回', 'Refused'),
                        dataIndex: 'refused',
                        align: 'right',
                        render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
                      },
                      {
                        title: t('上报率', 'Reported'),
                        key: 'reported',
                        align: 'right',
                        render: (_: unknown, r) =>
                          r.reported.declared ? pct(r.reported.rate) : <Tag>{t('未申报台账', 'no ledger')}</Tag>,
                      },
                      {
                        title: t('合规率', 'Compliant'),
                        key: 'compliant',
                        align: 'right',
                        render: (_: unknown, r) => pct(r.compliant.rate),
                      },
                      {
                        title: t('及时率', 'Timely'),
                        key: 'timely',
                        align: 'right',
                        render: (_: unknown, r) => pct(r.timely.rate),
                      },
                    ]}
                  />
                  {data && (
                    <Alert
                      style={{ marginTop: 16 }}
                      type={data.codes.withinTarget ? 'success' : 'warning'}
                      showIcon
                      title={t(
                        `重错码 ${data.codes.offending} 个 / ${data.codes.codes} 个代码，重错率 万分之${data.codes.per10k}（目标：万分之${data.codes.targetPer10k}以内）`,
                        `${data.codes.offending} of ${data.codes.codes} codes duplicate or wrong: ${data.codes.per10k} per 10,000 (target under ${data.codes.targetPer10k})`,
                      )}
                    />
                  )}
                </>
              ),
            },
            {
              key: 'failures',
              label: <span data-testid="tab-failures">{t('问题数据', 'Failing rows')}</span>,
              children: <FailuresTab query={query} />,
            },
            {
              key: 'ledgers',
              label: <span data-testid="tab-ledgers">{t('台账申报', 'Ledgers')}</span>,
              children: <LedgersTab query={query} onChanged={reload} />,
            },
            {
              key: 'legal',
              label: <span data-testid="tab-legal-findings">{t('法定期限核查', 'Legal findings')}</span>,
              children: <LegalFindingsTab query={query} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
