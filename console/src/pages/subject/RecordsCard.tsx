import { Card, Table, Tag, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLang } from '../../i18n';
import { groundLabel, INDUSTRY, label, LIST_TYPE, RECORD_TYPE } from '../../lib/labels';
import type { Problem } from '../../lib/problem';

type RecordView = Schemas['RecordViewDto'];

/** A subject's credit records (信用记录), ended ones included, newest decision first, with their status. */
export function RecordsCard({
  records,
}: {
  records: { data: { records: RecordView[] } | null; loading: boolean; problem: Problem | null };
}) {
  const { t, lang } = useLang();
  return (
    <Card style={{ marginTop: 16 }} title={t('信用记录', 'Credit records')}>
      <ProblemAlert problem={records.problem} />
      <Table<RecordView>
        rowKey="id"
        size="small"
        loading={records.loading}
        dataSource={records.data?.records ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="records-table"
        locale={{ emptyText: t('无信用记录。', 'No credit record.') }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('决定日期', 'Decided on'),
            dataIndex: 'decisionDate',
            width: 110,
            fixed: 'left',
            sorter: (a, b) => a.decisionDate.localeCompare(b.decisionDate),
            defaultSortOrder: 'descend',
          },
          {
            title: t('类型', 'Type'),
            dataIndex: 'type',
            width: 150,
            render: (v: string, r) =>
              v === 'list_entry' && r.listType ? (
                <span data-testid="record-list">
                  {label(LIST_TYPE, r.listType, lang)}
                  {r.listType === 'court_defaulter' && (
                    <Typography.Text
                      type={r.listGround === null ? 'warning' : 'secondary'}
                      style={{ display: 'block', fontSize: 12 }}
                      data-testid="record-ground"
                    >
                      {t('失信情形', 'Ground')}
                      {r.listGround === null ? t('：未载明', ': not recorded') : `：${groundLabel(r.listGround, lang)}`}
                    </Typography.Text>
                  )}
                </span>
              ) : (
                label(RECORD_TYPE, v, lang)
              ),
          },
          {
            title: t('行业', 'Industry'),
            dataIndex: 'industry',
            width: 90,
            render: (v: string) => label(INDUSTRY, v, lang),
          },
          {
            title: t('决定文书号', 'Decision no.'),
            dataIndex: 'decisionNumber',
            render: (v: string | null) => v ?? '—',
          },
          { title: t('数据来源单位', 'Source'), dataIndex: 'source' },
          {
            title: t('公示期', 'Publicity window'),
            key: 'window',
            render: (_: unknown, r) =>
              `${r.decisionDate} → ${r.publicityEnd ?? t('长期', 'open-ended')}${r.publicityMinEnd ? `（${t('最短', 'min.')} ${r.publicityMinEnd}）` : ''}`,
          },
          {
            title: t('状态', 'Status'),
            key: 'status',
            width: 110,
            render: (_: unknown, r) =>
              r.inForce ? (
                <Tag color="blue">{t('有效', 'In force')}</Tag>
              ) : (
                <Tag>
                  {(
                    {
                      revoked: t('已撤销', 'Revoked'),
                      repaired: t('已修复', 'Repaired'),
                      ended: t('已届满', 'Ended'),
                      active: t('已过公示期', 'Past window'),
                    } as Record<string, string>
                  )[r.status] ?? r.status}
                </Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
