import { Alert, Table, Tag, Typography } from 'antd';
import { api, unwrap, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLang } from '../../i18n';
import { label, LEGAL_FINDING } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import type { QualityQuery } from './query';

type Finding = Schemas['LegalFindingDto'];

/** The record field each finding names, in words (as the record import names it). */
const FIELD: Record<string, { zh: string; en: string }> = {
  listEndDate: { zh: '名单截止日期', en: 'List end date' },
  listGround: { zh: '失信情形', en: 'Ground' },
  severity: { zh: '失信程度', en: 'Severity' },
};

/**
 * Stored records the law contradicts (法定期限与失信程度核查): list terms, 失信被执行人 without a ground,
 * grades contradicting the penalty types. Named here, never rewritten: the department re-imports the record.
 * Active records of the department chosen above (the date range does not apply: every active record counts).
 */
export function LegalFindingsTab({ query }: { query: QualityQuery }) {
  const { t, lang } = useLang();
  const department = query.department;
  const { data, loading, problem } = useApi(
    () => unwrap(api.GET('/api/v1/quality/legal-findings', { params: { query: department ? { department } : {} } })),
    [department],
  );
  return (
    <>
      <ProblemAlert problem={problem} />
      {data && (
        <Alert
          type={data.total ? 'warning' : 'success'}
          showIcon
          data-testid="legal-findings-summary"
          message={
            data.total
              ? t(`${data.total} 条在库记录与法律规定不符`, `${data.total} stored records the law contradicts`)
              : t('未发现与法律规定不符的在库记录', 'No stored record the law contradicts')
          }
          description={data.howToFix}
        />
      )}
      <Table<Finding>
        style={{ marginTop: 12 }}
        rowKey={(f) => `${f.recordId}-${f.code}-${f.field}`}
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="legal-findings-table"
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('无需补正的记录。', 'Nothing to correct.') }}
        columns={[
          { title: t('数据来源单位', 'Department'), dataIndex: 'department', width: 170, fixed: 'left' },
          { title: t('决定文书号', 'Decision no.'), dataIndex: 'decisionNumber', width: 190 },
          {
            title: t('问题', 'Finding'),
            dataIndex: 'code',
            width: 200,
            render: (v: string) => (
              <Tag color="orange" data-code={v}>
                {label(LEGAL_FINDING, v, lang)}
              </Tag>
            ),
          },
          {
            title: t('待补正字段', 'Field to correct'),
            dataIndex: 'field',
            width: 150,
            render: (v: string) => (
              <span>
                {label(FIELD, v, lang)} <Typography.Text code>{v}</Typography.Text>
              </span>
            ),
          },
          { title: t('原因及法律依据', 'Reason and legal source'), dataIndex: 'reason' },
        ]}
      />
    </>
  );
}
