import { Alert, Table, Tag, Typography } from 'antd';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLang } from '../../i18n';
import { useApi } from '../../lib/useApi';
import { pct, subjectText } from './shared';

type Defaulter = Schemas['PublicBodyDefaulterDto'];

/** Public bodies (机关事业单位) on the 失信被执行人 list and the rectification rate (整改到位率), target 100%. */
export function PublicBodiesTab() {
  const { t } = useLang();
  const { data, loading, problem } = useApi(() => unwrap(api.GET('/api/v1/governance/public-body-defaulters')), []);
  return (
    <>
      <ProblemAlert problem={problem} />
      {data && (
        <Alert
          style={{ marginBottom: 12 }}
          type={data.rectificationRate === null || data.rectificationRate >= 1 ? 'success' : 'warning'}
          showIcon
          data-testid="rectification-rate"
          title={t(
            `截至 ${data.asOf}：曾列入失信被执行人的事业单位 ${data.subjects} 家，整改到位 ${data.rectified} 家，整改到位率 ${pct(data.rectificationRate)}（目标：${data.target}）`,
            `As of ${data.asOf}: ${data.subjects} public bodies listed, ${data.rectified} rectified, rate ${pct(data.rectificationRate)} (target: ${data.target})`,
          )}
        />
      )}
      <Table<Defaulter>
        rowKey={(d) => d.subject.id}
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="public-bodies-table"
        locale={{ emptyText: t('没有列入失信被执行人名单的事业单位。', 'No public body is on the list.') }}
        columns={[
          { title: t('单位', 'Public body'), key: 'subject', render: (_: unknown, d) => subjectText(d.subject) },
          {
            title: t('失信被执行人记录', 'Listings'),
            key: 'listings',
            render: (_: unknown, d) => (
              <Typography.Text style={{ fontSize: 12 }}>
                {d.listings
                  .map(
                    (l) =>
                      `${l.listedOn} ${l.source} ${l.decisionNumber}${l.rectified ? t('（已移出）', ' (ended)') : ''}`,
                  )
                  .join('；')}
              </Typography.Text>
            ),
          },
          {
            title: t('整改情况', 'Status'),
            dataIndex: 'rectified',
            width: 120,
            render: (v: boolean) =>
              v ? (
                <Tag color="success">{t('整改到位', 'Rectified')}</Tag>
              ) : (
                <Tag color="error">{t('未整改到位', 'Not rectified')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
