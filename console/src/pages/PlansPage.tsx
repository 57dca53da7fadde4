import { useState } from 'react';
import { Button, Card, Form, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../api/client';
import { PageHead } from '../components/PageHead';
import { ProblemAlert } from '../components/ProblemAlert';
import { useLang } from '../i18n';
import { INDUSTRY, label } from '../lib/labels';
import { useApi } from '../lib/useApi';
import { cstDateTime } from '../lib/dates';

type Plan = Schemas['PlanSummaryDto'];
type Industry = 'tax' | 'construction' | 'food_drug' | 'fire_safety';

/** Inspection plans (双随机抽查计划): past plans, newest first, filter by industry; draw a new one. */
export default function PlansPage() {
  const { t, lang } = useLang();
  const nav = useNavigate();
  const [industry, setIndustry] = useState<Industry | undefined>(undefined);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const { data, loading, problem } = useApi(
    () =>
      unwrap(
        api.GET('/api/v1/inspection-plans', {
          params: { query: { limit: 20, ...(industry ? { industry } : {}), ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [industry, cursor],
  );
  return (
    <>
      <PageHead
        crumbs={[{ label: t('监管工作', 'Supervision') }, { label: t('双随机抽查', 'Inspection plans') }]}
        title={t('双随机抽查计划', 'Inspection plans')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void nav('/inspection-plans/new')}
            data-testid="new-plan"
          >
            {t('新建抽查计划', 'Draw a plan')}
          </Button>
        }
      />
      <Card>
        <Form layout="inline">
          <Form.Item label={t('行业', 'Industry')}>
            <Select
              allowClear
              style={{ width: 160 }}
              value={industry}
              onChange={(v: Industry | undefined) => {
                setCursors([undefined]);
                setIndustry(v);
              }}
              options={['tax', 'construction', 'food_drug', 'fire_safety'].map((i) => ({
                value: i,
                label: label(INDUSTRY, i, lang),
              }))}
            />
          </Form.Item>
        </Form>
        <ProblemAlert problem={problem} style={{ marginTop: 12 }} />
        <Table<Plan>
          style={{ marginTop: 12 }}
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={false}
          data-testid="plans-table"
          locale={{
            emptyText: t(
              '尚无抽查计划：点击右上角“新建抽查计划”。',
              'No plan yet: use “Draw a plan” at the top right.',
            ),
          }}
          columns={[
            {
              title: t('制定时间', 'Drawn'),
              dataIndex: 'createdAt',
              fixed: 'left',
              width: 170,
              render: (v: string, p) => <Link to={`/inspection-plans/${p.id}`}>{cstDateTime(v)}</Link>,
            },
            { title: t('实施部门', 'Department'), dataIndex: 'department' },
            { title: t('行业', 'Industry'), dataIndex: 'industry', render: (v: string) => label(INDUSTRY, v, lang) },
            {
              title: t('检查期间', 'Period'),
              key: 'period',
              render: (_: unknown, p) => `${p.period.from} ~ ${p.period.to}`,
            },
            { title: t('抽查主体数', 'Drawn'), dataIndex: 'items', align: 'right' },
            { title: t('已录入结果', 'Results'), dataIndex: 'results', align: 'right' },
            { title: t('随机种子', 'Seed'), dataIndex: 'seed', ellipsis: true },
          ]}
        />
        <Space style={{ marginTop: 12, display: 'flex', justifyContent: 'flex-end' }}>
          <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            {t('上一页', 'Previous')}
          </Button>
          <Typography.Text type="secondary">{t(`第 ${cursors.length} 页`, `Page ${cursors.length}`)}</Typography.Text>
          <Button disabled={!data?.nextCursor} onClick={() => setCursors((c) => [...c, data!.nextCursor!])}>
            {t('下一页', 'Next')}
          </Button>
        </Space>
      </Card>
    </>
  );
}
