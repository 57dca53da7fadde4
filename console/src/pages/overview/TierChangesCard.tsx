import { Card, Table } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TierTag } from '../../components/Tags';
import { useLang } from '../../i18n';
import { cstDateTime } from '../../lib/dates';
import { INDUSTRY, label, triggerLabel } from '../../lib/labels';
import { useApi } from '../../lib/useApi';

type Move = Schemas['TierMoveDto'];

/** Recent tier changes (最近等级变更): subject, from → to, what caused it; newest first. */
export function TierChangesCard({ subjectLinks }: { subjectLinks: boolean }) {
  const { t, lang } = useLang();
  const { data, loading, problem } = useApi(
    () => unwrap(api.GET('/api/v1/tiering/changes', { params: { query: { limit: 8 } } })),
    [],
  );
  return (
    <Card title={t('最近等级变更', 'Recent tier changes')} data-testid="changes-card" style={{ height: '100%' }}>
      <ProblemAlert problem={problem} />
      <Table<Move>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.items ?? []}
        data-testid="changes-table"
        tableLayout="fixed"
        locale={{ emptyText: t('尚无信用等级变更。', 'No tier change yet.') }}
        columns={[
          {
            title: t('时间', 'When'),
            dataIndex: 'computedAt',
            width: 96,
            render: (v: string) => <span title={cstDateTime(v)}>{cstDateTime(v).slice(5)}</span>,
          },
          {
            title: t('主体', 'Subject'),
            key: 'subject',
            ellipsis: true,
            render: (_: unknown, m) =>
              subjectLinks ? <Link to={`/subjects/${m.subject.id}`}>{m.subject.name}</Link> : m.subject.name,
          },
          {
            title: t('行业', 'Industry'),
            dataIndex: 'industry',
            width: 76,
            render: (v: string) => label(INDUSTRY, v, lang),
          },
          {
            title: t('等级变化', 'Change'),
            key: 'move',
            width: 104,
            render: (_: unknown, m) => (
              <span data-testid="tier-move">
                {m.previousTier ? <TierTag tier={m.previousTier} /> : <Tag0 text={t('新评', 'new')} />}
                <ArrowRightOutlined style={{ margin: '0 4px', fontSize: 10 }} />
                {m.tier ? <TierTag tier={m.tier} /> : <Tag0 text={t('移除', 'removed')} />}
              </span>
            ),
          },
          {
            title: t('触发原因', 'Trigger'),
            dataIndex: 'trigger',
            width: 104,
            render: (v: string) => <span title={v}>{triggerLabel(v, lang)}</span>,
          },
        ]}
      />
    </Card>
  );
}

function Tag0({ text }: { text: string }) {
  return <span style={{ color: '#8c8c8c', fontSize: 12, marginRight: 8 }}>{text}</span>;
}
