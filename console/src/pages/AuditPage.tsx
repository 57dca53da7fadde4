import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, ApiError, unwrap, type Schemas } from '../api/client';
import { PageHead } from '../components/PageHead';
import { PagedTable, useCursorPages } from '../components/Pager';
import { ProblemAlert } from '../components/ProblemAlert';
import { useLang } from '../i18n';
import type { Problem } from '../lib/problem';
import { useApi } from '../lib/useApi';
import { cstDateTime } from '../lib/dates';
import { scenarioLabel } from '../lib/labels';

type Entry = Schemas['AuditEntryDto'];
type Report = Schemas['ChainReportDto'];
interface Filters {
  kind?: string;
  caller?: string;
  subjectId?: string;
  range?: [Dayjs, Dayjs];
}
/** The kinds the service writes (its @Audited routes and services). */
const KINDS = [
  'check',
  'feedback',
  'record.ingest',
  'record.import',
  'record.revoke',
  'commitment.outcome',
  'quality.ledger',
  'pack.publish',
  'pack.rollback',
  'pack.load',
  'repair.apply',
  'repair.approve',
  'repair.reject',
  'inspection.plan',
  'inspection.result',
  'auth.refused',
];

/** The audit trail (审计日志): search by kind, caller, subject and date; verify the hash chain, its head shown. */
export default function AuditPage() {
  const { t, lang } = useLang();
  const [filters, setFilters] = useState<Filters>({});
  const pages = useCursorPages<number>();
  const afterSeq = pages.cursor;
  const { data, loading, problem } = useApi(
    () =>
      unwrap(
        api.GET('/api/v1/audit/entries', {
          params: {
            query: {
              limit: 20,
              ...(filters.kind ? { kind: filters.kind } : {}),
              ...(filters.caller?.trim() ? { caller: filters.caller.trim() } : {}),
              ...(filters.subjectId?.trim() ? { subjectId: filters.subjectId.trim() } : {}),
              ...(filters.range
                ? {
                    from: filters.range[0].startOf('day').toISOString(),
                    to: filters.range[1].endOf('day').toISOString(),
                  }
                : {}),
              ...(afterSeq !== undefined ? { afterSeq } : {}),
            },
          },
        }),
      ),
    [filters, afterSeq],
  );
  const [report, setReport] = useState<Report | null>(null);
  const [verifyProblem, setVerifyProblem] = useState<Problem | null>(null);
  const [verifying, setVerifying] = useState(false);
  const verify = async () => {
    setVerifying(true);
    setVerifyProblem(null);
    try {
      setReport(await unwrap(api.GET('/api/v1/audit/verify')));
    } catch (e) {
      if (e instanceof ApiError) setVerifyProblem(e.problem);
      else throw e;
    } finally {
      setVerifying(false);
    }
  };
  return (
    <>
      <PageHead
        crumbs={[{ label: t('系统管理', 'System') }, { label: t('审计日志', 'Audit trail') }]}
        title={t('审计日志', 'Audit trail')}
        extra={
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={verifying}
            onClick={() => void verify()}
            data-testid="verify-chain"
          >
            {t('校验哈希链', 'Verify the chain')}
          </Button>
        }
      />
      <ProblemAlert problem={verifyProblem} />
      {report && (
        <Alert
          style={{ marginBottom: 16 }}
          type={report.valid ? 'success' : 'error'}
          showIcon
          data-testid="chain-report"
          title={
            report.valid
              ? t(`哈希链完整：已校验 ${report.entries} 条记录`, `Chain intact: ${report.entries} entries verified`)
              : t('哈希链校验失败', 'The chain is broken')
          }
          description={
            <div>
              {report.head && (
                <div>
                  {t('链头', 'Head')} #{report.head.seq}: <code style={{ fontSize: 11 }}>{report.head.hash}</code>
                </div>
              )}
              {report.firstInvalid && (
                <div>
                  {t('首个异常', 'First break')} #{report.firstInvalid.seq}: {report.firstInvalid.problem}{' '}
                  {report.firstInvalid.detail ?? ''}
                </div>
              )}
              <div style={{ fontSize: 12, opacity: 0.7 }}>{report.durationMs} ms</div>
            </div>
          }
        />
      )}
      <Card>
        <Form<Filters>
          layout="inline"
          style={{ rowGap: 8 }}
          onFinish={(v) => {
            pages.reset();
            setFilters(v);
          }}
        >
          <Form.Item name="kind" label={t('类型', 'Kind')}>
            <Select
              allowClear
              showSearch
              style={{ width: 170 }}
              options={KINDS.map((k) => ({ value: k, label: k }))}
              data-testid="audit-kind"
            />
          </Form.Item>
          <Form.Item name="caller" label={t('调用方', 'Caller')}>
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="subjectId"
            label={t('主体ID', 'Subject id')}
            rules={[{ pattern: /^[0-9a-f-]{36}$/i, message: t('应为主体ID（UUID）', 'A subject id (UUID)') }]}
          >
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="range" label={t('日期', 'Dates')}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" data-testid="audit-search">
              {t('查询', 'Search')}
            </Button>
          </Form.Item>
        </Form>
        <PagedTable<Entry, number>
          problem={problem}
          loading={loading}
          items={data?.items}
          pages={pages}
          next={data?.nextAfterSeq}
          testId="audit-table"
          empty={t('没有符合条件的审计记录。', 'No audit entry matches.')}
          rowKey="seq"
          scroll={{ x: 1000 }}
          expandable={{
            expandedRowRender: (e) => (
              <pre style={{ fontSize: 11, maxHeight: 300, overflow: 'auto', margin: 0 }}>
                {JSON.stringify({ request: e.request, response: e.response }, null, 2)}
              </pre>
            ),
          }}
          columns={[
            { title: t('序号', 'Seq'), dataIndex: 'seq', width: 70, fixed: 'left' },
            { title: t('时间', 'When'), dataIndex: 'createdAt', width: 170, render: (v: string) => cstDateTime(v) },
            { title: t('类型', 'Kind'), dataIndex: 'kind', width: 130 },
            { title: t('调用方', 'Caller'), dataIndex: 'caller', ellipsis: true },
            { title: t('经办人', 'Operator'), dataIndex: 'operator', render: (v: string | null) => v ?? '—' },
            {
              title: t('场景', 'Scenario'),
              dataIndex: 'scenario',
              render: (v: string | null) => scenarioLabel(v, lang),
            },
            {
              title: t('摘要', 'Hash'),
              dataIndex: 'hash',
              render: (v: string, e) => (
                <Typography.Text code style={{ fontSize: 11 }}>{`${e.algorithm} ${v.slice(0, 16)}…`}</Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
