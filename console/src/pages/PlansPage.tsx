import { useState } from 'react';
import { Button, Card, Form, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../api/client';
import { PageHead } from '../components/PageHead';
import { PagedTable, useCursorPages } from '../components/Pager';
import { useLang } from '../i18n';
import { INDUSTRY, label, TIER_INDUSTRIES, type Industry } from '../lib/labels';
import { useApi } from '../lib/useApi';
import { cstDateTime } from '../lib/dates';

type Plan = Schemas['PlanSummaryDto'];

/** Inspection plans (双随机抽查计划): past plans, newest first, filter by industry; draw a new one. */
export default function PlansPage() {
  const { t, lang } = useLang();
  const nav = useNavigate();
  const [industry, setIndustry] = useState<Industry | undefined>(undefined);
  const pages = useCursorPages();
  const cursor = pages.cursor;
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
                pages.reset();
                setIndustry(v);
              }}
              options={TIER_INDUSTRIES.map((i) => ({
                value: i,
                label: label(INDUSTRY, i, lang),
              }))}
            />
          </Form.Item>
        </Form>
        <PagedTable<Plan, string>
          problem={problem}
          loading={loading}
          items={data?.items}
          pages={pages}
          next={data?.nextCursor}
          testId="plans-table"
          empty={t('尚无抽查计划：点击右上角“新建抽查计划”。', 'No plan yet: use “Draw a plan” at the top right.')}
          rowKey="id"
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
      </Card>
    </>
  );
}
