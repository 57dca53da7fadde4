import { Card, Table, Tag, Typography } from 'antd';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLang } from '../../i18n';
import { useApi } from '../../lib/useApi';

type Item = Schemas['MeasureFeedbackItemDto'];
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);

/**
 * 信易+ scenario feedback (信易+ 场景反馈统计): per scenario and measure, how many checked parties were offered it
 * and how many the callers reported applying (GET /api/v1/checks/measure-feedback?programme=xinyi_plus).
 */
export function XinyiFeedbackCard() {
  const { t } = useLang();
  const { data, loading, problem } = useApi(
    () => unwrap(api.GET('/api/v1/checks/measure-feedback', { params: { query: { programme: 'xinyi_plus' } } })),
    [],
  );
  return (
    <Card style={{ marginTop: 16 }} title={t('信易+ 场景反馈统计', 'Xinyi+ scenarios: feedback')}>
      <ProblemAlert problem={problem} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(
          '提供次数：核查结果中提供该激励措施的当事人数；已采取 / 未采取：办理部门最近一次反馈。落实率 = 已采取 ÷ 提供次数。',
          'Offered: parties of checks offered the measure; applied / not applied: the latest feedback. Rate = applied ÷ offered.',
        )}
      </Typography.Paragraph>
      <Table<Item>
        rowKey={(r) => `${r.scenario}|${r.measure}`}
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        data-testid="xinyi-feedback-table"
        locale={{
          emptyText: t(
            '尚无信易+ 场景的核查：在“核查办理”中选择信易+ 场景。',
            'No Xinyi+ check yet: choose a Xinyi+ scenario on the check page.',
          ),
        }}
        columns={[
          { title: t('应用场景', 'Scenario'), dataIndex: 'scenarioZh', fixed: 'left' },
          { title: t('措施', 'Measure'), dataIndex: 'measureZh' },
          {
            title: t('类别', 'Kind'),
            dataIndex: 'kind',
            width: 80,
            render: (v: Item['kind']) =>
              v === 'reward' ? (
                <Tag color="success">{t('激励', 'Reward')}</Tag>
              ) : (
                <Tag color="error">{t('惩戒', 'Penalty')}</Tag>
              ),
          },
          { title: t('提供次数', 'Offered'), dataIndex: 'offered', align: 'right' },
          { title: t('已采取', 'Applied'), dataIndex: 'applied', align: 'right' },
          { title: t('未采取', 'Not applied'), dataIndex: 'notApplied', align: 'right' },
          { title: t('落实率', 'Rate'), dataIndex: 'appliedRate', align: 'right', render: pct },
        ]}
      />
    </Card>
  );
}
