import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, unwrap } from '../api/client';
import { PageHead } from '../components/PageHead';
import { ProblemAlert } from '../components/ProblemAlert';
import { TierTag } from '../components/Tags';
import { useLang } from '../i18n';
import { admits } from '../lib/access';
import { INDUSTRY, label, TIER_INDUSTRIES, TIERS, type Industry } from '../lib/labels';
import { mapProblemToForm, type Problem } from '../lib/problem';
import { useApi } from '../lib/useApi';
import { useSession } from '../session';

interface PlanForm {
  department: string;
  industry: Industry;
  region?: string;
  period: [Dayjs, Dayjs];
  inspectors: { id: string; name: string; department: string; conflicts?: string }[];
  leads?: string;
  seed?: string;
}
const splitList = (s: string | undefined) =>
  (s ?? '')
    .split(/[\s,，;；]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Draw an inspection plan (新建双随机抽查计划): industry, region, period, the inspector pool with conflicts
 * (回避), leads, seed. Before drawing, a preview of the subjects per tier and the share the pack's policy
 * samples (from the tier distribution and the pack; keys with the tiers scope).
 */
export default function PlanNewPage() {
  const { t, lang } = useLang();
  const { me } = useSession();
  const nav = useNavigate();
  const [form] = Form.useForm<PlanForm>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const industry = Form.useWatch('industry', form) as Industry | undefined;
  const region = Form.useWatch('region', form) as string | undefined;
  const canPreview = admits(me?.scopes ?? [], ['tiers']);
  const validRegion = region && /^\d{2,6}$/.test(region) ? region : undefined;
  const preview = useApi(async () => {
    if (!canPreview || !industry) return null;
    const [dist, pack] = await Promise.all([
      unwrap(
        api.GET('/api/v1/tiering/distribution', { params: { query: validRegion ? { region: validRegion } : {} } }),
      ),
      unwrap(api.GET('/api/v1/packs/{id}', { params: { path: { id: industry } } })),
    ]);
    const policy = pack.inspectionPolicy as Record<string, { samplingRatio?: number }>;
    return TIERS.map((tier) => {
      const population = dist.items
        .filter((i) => i.industry === industry && i.tier === tier)
        .reduce((a, b) => a + b.subjects, 0);
      const ratio = policy[tier]?.samplingRatio ?? 0;
      return { tier, population, ratio, expected: Math.round(ratio * population) };
    }).filter((r) => r.population > 0);
  }, [industry, validRegion]);
  const total = useMemo(() => (preview.data ?? []).reduce((a, r) => a + r.expected, 0), [preview.data]);

  const submit = async (v: PlanForm) => {
    setBusy(true);
    setProblem(null);
    try {
      const plan = await unwrap(
        api.POST('/api/v1/inspection-plans', {
          body: {
            department: v.department.trim(),
            industry: v.industry,
            ...(v.region ? { region: v.region.trim() } : {}),
            period: { from: v.period[0].format('YYYY-MM-DD'), to: v.period[1].format('YYYY-MM-DD') },
            inspectors: v.inspectors.map((i) => ({
              id: i.id.trim(),
              name: i.name.trim(),
              department: i.department.trim(),
              conflicts: splitList(i.conflicts),
            })),
            ...(splitList(v.leads).length ? { leads: splitList(v.leads) } : {}),
            ...(v.seed?.trim() ? { seed: v.seed.trim() } : {}),
          },
        }),
      );
      void nav(`/inspection-plans/${plan.id}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const mapped = mapProblemToForm(
        e.problem,
        (p) =>
          ['department', 'industry', 'region', 'seed', 'leads'].includes(String(p[0])) ||
          (p[0] === 'inspectors' && p.length === 3),
      );
      form.setFields(
        mapped.fields.map((f) => ({ name: (f.name[0] === 'period' ? ['period'] : f.name) as never, errors: f.errors })),
      );
      setProblem(e.problem);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHead
        crumbs={[
          { label: t('监管工作', 'Supervision') },
          { label: t('双随机抽查', 'Inspection plans'), to: '/inspection-plans' },
          { label: t('新建', 'New') },
        ]}
        title={t('新建双随机抽查计划', 'Draw an inspection plan')}
      />
      <Row gutter={16}>
        <Col span={15}>
          <Card>
            <ProblemAlert problem={problem} />
            <Form<PlanForm>
              form={form}
              labelCol={{ flex: '110px' }}
              labelWrap
              requiredMark
              initialValues={{
                industry: 'food_drug',
                region: '500110',
                inspectors: [
                  { id: '', name: '', department: '' },
                  { id: '', name: '', department: '' },
                ],
              }}
              onFinish={(v) => void submit(v)}
              data-testid="plan-form"
            >
              <Form.Item
                name="department"
                label={t('实施部门', 'Department')}
                rules={[
                  { required: true, whitespace: true, message: t('请输入实施部门', 'Enter the department') },
                  { max: 200 },
                ]}
              >
                <Input data-testid="plan-department" />
              </Form.Item>
              <Form.Item name="industry" label={t('行业', 'Industry')} rules={[{ required: true }]}>
                <Select
                  options={TIER_INDUSTRIES.map((i) => ({
                    value: i,
                    label: label(INDUSTRY, i, lang),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="region"
                label={t('行政区划', 'Region')}
                rules={[{ pattern: /^\d{2,6}$/, message: t('2至6位数字', '2 to 6 digits') }]}
              >
                <Input style={{ width: 140 }} />
              </Form.Item>
              <Form.Item
                name="period"
                label={t('检查期间', 'Period')}
                rules={[{ required: true, message: t('请选择检查期间', 'Choose the period') }]}
              >
                <DatePicker.RangePicker data-testid="plan-period" />
              </Form.Item>
              <Typography.Text strong>
                {t('执法检查人员（每个主体抽取两名）', 'Inspectors (two per subject)')}
              </Typography.Text>
              <Form.List name="inspectors">
                {(fields, { add, remove }) => (
                  <div style={{ marginTop: 8 }}>
                    {fields.map((f, i) => (
                      <Space key={f.key} align="start" wrap={false} data-testid={`inspector-${i}`}>
                        <Form.Item
                          name={[f.name, 'id']}
                          rules={[{ required: true, whitespace: true, message: t('编号', 'Id') }, { max: 64 }]}
                        >
                          <Input placeholder={t('执法证号', 'Id')} style={{ width: 100 }} />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'name']}
                          rules={[{ required: true, whitespace: true, message: t('姓名', 'Name') }, { max: 100 }]}
                        >
                          <Input placeholder={t('姓名', 'Name')} style={{ width: 90 }} />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'department']}
                          rules={[{ required: true, whitespace: true, message: t('部门', 'Department') }, { max: 200 }]}
                        >
                          <Input placeholder={t('所属部门', 'Department')} style={{ width: 150 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'conflicts']}>
                          <Input
                            placeholder={t('回避主体代码（逗号分隔）', 'Conflicts: codes, comma separated')}
                            style={{ width: 170 }}
                          />
                        </Form.Item>
                        {fields.length > 2 && (
                          <Button
                            type="text"
                            icon={<MinusCircleOutlined />}
                            onClick={() => remove(f.name)}
                            aria-label={t('删除', 'Remove')}
                          />
                        )}
                      </Space>
                    ))}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ id: '', name: '', department: '' })}
                      style={{ marginBottom: 16 }}
                    >
                      {t('添加检查人员', 'Add an inspector')}
                    </Button>
                  </div>
                )}
              </Form.List>
              <Form.Item
                name="leads"
                label={t('投诉举报线索', 'Leads')}
                tooltip={t(
                  '必查主体的统一社会信用代码或主体ID，逗号分隔',
                  'Subjects always drawn: codes or ids, comma separated',
                )}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item
                name="seed"
                label={t('随机种子', 'Seed')}
                tooltip={t(
                  '留空则随机生成；随计划公开，可复现抽取',
                  'Drawn at random when empty; published with the plan so anyone can re-run the draw',
                )}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="draw-plan">
                  {t('抽取并保存', 'Draw and save')}
                </Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col span={9}>
          <Card title={t('抽取预览', 'Preview')} data-testid="plan-preview">
            {!canPreview ? (
              <Alert type="info" showIcon title={t('预览需要 tiers 权限。', 'The preview needs the tiers scope.')} />
            ) : (
              <>
                <ProblemAlert problem={preview.problem} />
                <Table
                  rowKey="tier"
                  size="small"
                  pagination={false}
                  loading={preview.loading}
                  dataSource={preview.data ?? []}
                  locale={{ emptyText: t('该行业、区划下暂无信用等级。', 'No tiers in this industry and region.') }}
                  columns={[
                    { title: t('等级', 'Tier'), dataIndex: 'tier', render: (v: string) => <TierTag tier={v} /> },
                    { title: t('主体数', 'Subjects'), dataIndex: 'population', align: 'right' },
                    {
                      title: t('抽查比例', 'Ratio'),
                      dataIndex: 'ratio',
                      align: 'right',
                      render: (v: number) => `${(v * 100).toFixed(0)}%`,
                    },
                    { title: t('预计随机抽取', 'Expected'), dataIndex: 'expected', align: 'right' },
                  ]}
                />
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                  {t(
                    `按比例预计抽取 ${total} 户；检查频次到期和有线索的主体另行必抽。`,
                    `About ${total} by ratio; subjects due by frequency or with a lead are drawn in addition.`,
                  )}
                </Typography.Paragraph>
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
