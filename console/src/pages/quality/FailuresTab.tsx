import { useState } from 'react';
import { Radio, Table, Tag, Typography } from 'antd';
import { api, unwrap, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLang } from '../../i18n';
import { cstDateTime } from '../../lib/dates';
import { useApi } from '../../lib/useApi';
import type { QualityQuery } from './query';

type Failure = Schemas['FailureDto'];
const PAGE = 20;

/**
 * The failing rows behind the rates (问题数据清单) of the range and department chosen above: refused rows
 * (不合规) with each field and reason, and records received late (不及时) with their deadline.
 */
export function FailuresTab({ query }: { query: QualityQuery }) {
  const { t } = useLang();
  const [kind, setKind] = useState<'all' | 'refused' | 'late'>('all');
  const [offset, setOffset] = useState(0);
  const { data, loading, problem } = useApi(
    () =>
      unwrap(
        api.GET('/api/v1/quality/failures', {
          params: { query: { ...query, ...(kind !== 'all' ? { kind } : {}), limit: PAGE, offset } },
        }),
      ),
    [query, kind, offset],
  );
  return (
    <>
      <Radio.Group
        value={kind}
        optionType="button"
        size="small"
        data-testid="failure-kind"
        onChange={(e) => {
          setOffset(0);
          setKind(e.target.value as typeof kind);
        }}
        options={[
          { value: 'all', label: t('全部', 'All') },
          { value: 'refused', label: t('不合规（退回）', 'Refused') },
          { value: 'late', label: t('不及时', 'Late') },
        ]}
      />
      <ProblemAlert problem={problem} style={{ marginTop: 12 }} />
      <Table<Failure>
        style={{ marginTop: 12 }}
        rowKey={(f) => `${f.kind}-${f.id ?? f.recordId}`}
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="failures-table"
        scroll={{ x: 1000 }}
        rowClassName={(f) => (f.kind === 'refused' ? 'row-refused' : '')}
        pagination={{
          current: offset / PAGE + 1,
          pageSize: PAGE,
          total: data?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          onChange: (p) => setOffset((p - 1) * PAGE),
          showTotal: (n) => t(`共 ${n} 条`, `${n} in all`),
        }}
        locale={{ emptyText: t('所选期间没有问题数据。', 'No failing row in the period.') }}
        columns={[
          {
            title: t('问题类型', 'Kind'),
            dataIndex: 'kind',
            width: 100,
            fixed: 'left',
            render: (v: string) =>
              v === 'refused' ? (
                <Tag color="error">{t('不合规', 'Refused')}</Tag>
              ) : (
                <Tag color="warning">{t('不及时', 'Late')}</Tag>
              ),
          },
          { title: t('数据来源单位', 'Department'), dataIndex: 'department', width: 180 },
          {
            title: t('决定书文号', 'Decision no.'),
            dataIndex: 'decisionNumber',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('主体代码', 'Subject code'),
            key: 'code',
            render: (_: unknown, f) => f.subjectCode ?? f.subjectMasked ?? '—',
          },
          {
            title: t('决定日期', 'Decided'),
            dataIndex: 'decisionDate',
            width: 110,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('问题说明', 'What is wrong'),
            key: 'why',
            render: (_: unknown, f) =>
              f.kind === 'refused' ? (
                <div data-testid="failure-errors">
                  {(f.errors ?? []).map((e, i) => (
                    <div key={i}>
                      <Typography.Text code>{e.field}</Typography.Text> {e.reason}
                    </div>
                  ))}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {f.line ? t(`第 ${f.line} 行 · `, `line ${f.line} · `) : ''}
                    {cstDateTime(f.rejectedAt)}
                  </Typography.Text>
                </div>
              ) : (
                t(
                  `${f.receivedOn} 接收，截止 ${f.deadline}（用时 ${f.workingDays} 个工作日，限 ${f.allowedWorkingDays} 个）`,
                  `received ${f.receivedOn}, due ${f.deadline} (${f.workingDays} working days, ${f.allowedWorkingDays} allowed)`,
                )
              ),
          },
        ]}
      />
    </>
  );
}
