import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../api/client';
import { PageHead } from '../components/PageHead';
import { ProblemAlert } from '../components/ProblemAlert';
import { TierTag } from '../components/Tags';
import { useLang } from '../i18n';
import { INDUSTRY, label } from '../lib/labels';
import { useApi } from '../lib/useApi';
import { versionColumns } from './packs/version-columns';

type Pack = Schemas['PackSummaryDto'];
type Version = Schemas['PackVersionDto'];

/**
 * Rule packs (规则包): the packs in force and, per pack, every published version (who, when, why, which is
 * active). A pack's name opens its workbench (PackPage): draft, explain, golden cases, simulation, publication.
 */
export default function PacksPage() {
  const { t, lang } = useLang();
  const { data, loading, problem } = useApi(() => unwrap(api.GET('/api/v1/packs')), []);
  return (
    <>
      <PageHead
        crumbs={[{ label: t('规则管理', 'Rules') }, { label: t('规则包', 'Rule packs') }]}
        title={t('规则包', 'Rule packs')}
      />
      <ProblemAlert problem={problem} />
      <Card>
        <Table<Pack>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={false}
          data-testid="packs-table"
          expandable={{ expandedRowRender: (p) => <Versions id={p.id} /> }}
          locale={{ emptyText: t('没有生效的规则包。', 'No pack in force.') }}
          columns={[
            {
              title: t('规则包', 'Pack'),
              dataIndex: 'id',
              render: (v: string, p) => (
                <Link to={`/packs/${v}`} data-testid={`open-${v}`}>
                  {`${lang === 'zh' ? p.nameZh : p.name} (${v})`}
                </Link>
              ),
            },
            { title: t('行业', 'Industry'), dataIndex: 'industry', render: (v: string) => label(INDUSTRY, v, lang) },
            {
              title: t('生效版本', 'Version'),
              dataIndex: 'version',
              render: (v: string, p) => `v${v} · #${p.versionSeq}`,
            },
            { title: t('生效日期', 'Effective'), dataIndex: 'effectiveDate' },
            { title: t('规则数', 'Rules'), dataIndex: 'ruleCount', align: 'right' },
            {
              title: t('信用等级', 'Tiers'),
              key: 'tiers',
              render: (_: unknown, p) => p.tiers.map((x) => <TierTag key={x.tier} tier={x.tier} />),
            },
          ]}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('联合奖惩措施包：', 'Joint reward and punishment measures: ')}
        <Link to="/packs/measures" data-testid="open-measures">
          {t('措施包工作台 (measures)', 'the measures workbench (measures)')}
        </Link>
      </Typography.Paragraph>
    </>
  );
}

function Versions({ id }: { id: string }) {
  const { t } = useLang();
  const { data, loading, problem } = useApi(
    () => unwrap(api.GET('/api/v1/packs/{id}/versions', { params: { path: { id } } })),
    [id],
  );
  return (
    <>
      <ProblemAlert problem={problem} />
      <Table<Version>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid={`versions-${id}`}
        locale={{ emptyText: t('尚无发布记录。', 'Nothing published yet.') }}
        columns={[
          ...versionColumns(t),
          {
            title: t('内容摘要', 'Content hash'),
            dataIndex: 'contentHash',
            render: (v: string) => (
              <Typography.Text code style={{ fontSize: 11 }}>
                {v.slice(0, 12)}…
              </Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
