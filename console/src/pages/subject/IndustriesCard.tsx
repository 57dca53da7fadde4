import { useState } from 'react';
import { App, Button, Card, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { api, unwrap, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TierTag } from '../../components/Tags';
import { useLang } from '../../i18n';
import { ASSIGNMENT_EFFECT, basisLabel, INDUSTRY, label, outsideLabel, TIER_INDUSTRIES } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import { useFormSubmit } from '../../lib/useFormSubmit';

type Membership = Schemas['IndustryMembershipDto'];
type Assignment = Schemas['IndustryAssignmentDto'];
type Industry = Membership['industry'];
interface DecisionForm {
  industry: Industry;
  effect: 'member' | 'excluded' | 'withdraw';
  reason: string;
}

/**
 * 行业归属 (GET /subjects/{id}/industries): per industry, supervised or not, with its bases (records, the
 * GB/T 4754 code, a department decision, every subject of the pack's kinds) or why not, and the tier it gives;
 * the department decisions (认定记录). A key with `tiers` records a decision (PUT) or withdraws the open one
 * (DELETE); `onChanged` then reloads the page's tiers. `decisionNumbers` names the records bases point to.
 */
export function IndustriesCard({
  subjectId,
  canDecide,
  decisionNumbers,
  onChanged,
}: {
  subjectId: string;
  canDecide: boolean;
  decisionNumbers?: ReadonlyMap<string, string>;
  onChanged(): void;
}) {
  const { t, lang } = useLang();
  const view = useApi(
    () => unwrap(api.GET('/api/v1/subjects/{id}/industries', { params: { path: { id: subjectId } } })),
    [subjectId],
  );
  const d = view.data;
  return (
    <Card
      style={{ marginTop: 16 }}
      title={t('行业归属', 'Industries')}
      data-testid="industries-card"
      extra={
        d && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="industry-code">
            {t('行业代码', 'Industry code')} {d.industryCode ?? t('未登记', 'not registered')} ·{' '}
            {t('评价基准日', 'as of')} {d.asOf}
          </Typography.Text>
        )
      }
    >
      <ProblemAlert problem={view.problem} />
      <Table<Membership>
        rowKey="industry"
        size="small"
        loading={view.loading}
        dataSource={d?.industries ?? []}
        pagination={false}
        onRow={(m) => ({ 'data-testid': `industry-${m.industry}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('行业', 'Industry'),
            dataIndex: 'industry',
            width: 110,
            render: (v: string) => label(INDUSTRY, v, lang),
          },
          {
            title: t('归属', 'Supervised'),
            dataIndex: 'member',
            width: 90,
            render: (v: boolean) =>
              v ? <Tag color="green">{t('属于', 'Member')}</Tag> : <Tag>{t('不属于', 'Not a member')}</Tag>,
          },
          {
            title: t('依据 / 原因', 'Basis / why not'),
            key: 'bases',
            render: (_: unknown, m) =>
              m.member ? (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {m.bases.map((b, i) => (
                    <li key={i}>{basisLabel(m.industry, b, lang, b.recordId && decisionNumbers?.get(b.recordId))}</li>
                  ))}
                </ul>
              ) : (
                <span>{outsideLabel(m.outside, m.excludedBy, lang)}</span>
              ),
          },
          {
            title: t('信用等级', 'Tier'),
            dataIndex: 'tier',
            width: 100,
            render: (v: string | null) => (v ? <TierTag tier={v} /> : '—'),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('认定记录', 'Department decisions')}
      </Typography.Title>
      <Table<Assignment>
        rowKey="id"
        size="small"
        dataSource={d?.assignments ?? []}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        data-testid="assignments-table"
        locale={{ emptyText: t('暂无部门认定。', 'No department decision.') }}
        columns={[
          {
            title: t('行业', 'Industry'),
            dataIndex: 'industry',
            width: 100,
            render: (v: string) => label(INDUSTRY, v, lang),
          },
          {
            title: t('认定', 'Decision'),
            dataIndex: 'effect',
            width: 80,
            render: (v: string) => <Tag color={ASSIGNMENT_EFFECT[v]?.color}>{label(ASSIGNMENT_EFFECT, v, lang)}</Tag>,
          },
          {
            title: t('期间', 'Period'),
            key: 'period',
            width: 200,
            render: (_: unknown, a) => `${a.since} → ${a.until ?? t('现行有效', 'open')}`,
          },
          { title: t('认定理由', 'Reason'), dataIndex: 'reason' },
          {
            title: t('认定部门', 'Decided by'),
            key: 'by',
            render: (_: unknown, a) => [a.department, a.decidedBy].filter(Boolean).join(' · '),
          },
          {
            title: t('撤回理由', 'Withdrawn because'),
            key: 'end',
            render: (_: unknown, a) => (a.endReason ? `${a.endReason}${a.endedBy ? `（${a.endedBy}）` : ''}` : '—'),
          },
        ]}
      />
      {canDecide && d && (
        <DecisionForm
          subjectId={subjectId}
          open={new Set(d.assignments.filter((a) => a.until === null).map((a) => a.industry))}
          onDone={() => {
            view.reload();
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

/** Record a decision (纳入 / 排除, PUT) or withdraw the open one (撤回, DELETE), with the reason. */
function DecisionForm({ subjectId, open, onDone }: { subjectId: string; open: Set<string>; onDone(): void }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionForm>();
  const [industry, setIndustry] = useState<Industry | undefined>();
  const { busy, problem, submit } = useFormSubmit(form, ['industry', 'effect', 'reason'], async (v) => {
    const path = { path: { id: subjectId, industry: v.industry } };
    const reason = v.reason.trim();
    if (v.effect === 'withdraw')
      await unwrap(api.DELETE('/api/v1/subjects/{id}/industries/{industry}', { params: path, body: { reason } }));
    else
      await unwrap(
        api.PUT('/api/v1/subjects/{id}/industries/{industry}', { params: path, body: { effect: v.effect, reason } }),
      );
    void message.success(t('已记录认定，主体已重新分级。', 'Decision recorded; the subject is re-tiered.'));
    form.resetFields();
    setIndustry(undefined);
    onDone();
  });
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('记录行业归属认定', 'Record a decision')}
      </Typography.Title>
      <ProblemAlert problem={problem} />
      <Form<DecisionForm>
        form={form}
        name="industryDecision"
        labelCol={{ flex: '90px' }}
        initialValues={{ effect: 'member' }}
        onFinish={submit}
        onValuesChange={(c: Partial<DecisionForm>) => {
          if (!c.industry) return;
          setIndustry(c.industry);
          // Nothing open to withdraw in the industry now chosen: back to 纳入.
          if (form.getFieldValue('effect') === 'withdraw' && !open.has(c.industry))
            form.setFieldValue('effect', 'member');
        }}
        data-testid="industry-decision-form"
      >
        <Space align="start" wrap>
          <Form.Item
            name="industry"
            label={t('行业', 'Industry')}
            rules={[{ required: true, message: t('请选择行业', 'Choose the industry') }]}
          >
            <Select
              style={{ width: 160 }}
              data-testid="decision-industry"
              options={TIER_INDUSTRIES.map((i) => ({ value: i, label: label(INDUSTRY, i, lang) }))}
            />
          </Form.Item>
          <Form.Item name="effect" label={t('认定', 'Decision')} rules={[{ required: true }]}>
            <Radio.Group>
              <Radio value="member">{t('纳入本行业监管', 'Include')}</Radio>
              <Radio value="excluded">{t('排除', 'Exclude')}</Radio>
              <Radio value="withdraw" disabled={!industry || !open.has(industry)}>
                {t('撤回现行认定', 'Withdraw the open one')}
              </Radio>
            </Radio.Group>
          </Form.Item>
        </Space>
        <Form.Item
          name="reason"
          label={t('理由', 'Reason')}
          rules={[
            { required: true, whitespace: true, message: t('请填写认定或撤回的理由', 'Give the reason') },
            { max: 500, message: t('理由不超过500字', 'At most 500 characters') },
          ]}
        >
          <Input.TextArea rows={2} data-testid="decision-reason" />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="decision-submit">
            {t('提交认定', 'Submit')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
