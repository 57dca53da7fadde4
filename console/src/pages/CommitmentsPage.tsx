import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap, type Schemas } from '../api/client';
import { PageHead } from '../components/PageHead';
import { PagedTable, useCursorPages } from '../components/Pager';
import { ProblemAlert } from '../components/ProblemAlert';
import { useLang } from '../i18n';
import { COMMITMENT_TYPE, INDUSTRY, label } from '../lib/labels';
import { useApi } from '../lib/useApi';
import { useFormSubmit } from '../lib/useFormSubmit';

type Commitment = Schemas['CommitmentListItemDto'];
type Status = 'pending' | 'fulfilled' | 'breached';
export const COMMITMENT_STATUS: Record<Status, { color: string; zh: string; en: string }> = {
  pending: { color: 'processing', zh: '待核查', en: 'Pending' },
  fulfilled: { color: 'success', zh: '已履行', en: 'Fulfilled' },
  breached: { color: 'error', zh: '违背承诺', en: 'Breached' },
};
const KINDS: { value: 'notify_and_commit' | 'repair' | 'voluntary'; zh: string; en: string }[] = [
  { value: 'notify_and_commit', zh: '告知承诺', en: 'Notify and commit' },
  { value: 'repair', zh: '信用修复承诺', en: 'Repair commitment' },
  { value: 'voluntary', zh: '主动承诺', en: 'Voluntary' },
];

/** Credit commitments (信用承诺): the list with each outcome; a pending one's outcome recorded by its department. */
export default function CommitmentsPage() {
  const { t, lang } = useLang();
  const [status, setStatus] = useState<Status | 'all'>('pending');
  const [department, setDepartment] = useState('');
  const [type, setType] = useState<Commitment['commitmentType'] | undefined>(undefined);
  const pages = useCursorPages();
  const { data, loading, problem, reload } = useApi(
    () =>
      unwrap(
        api.GET('/api/v1/commitments', {
          params: {
            query: {
              limit: 20,
              ...(status !== 'all' ? { status } : {}),
              ...(type ? { type } : {}),
              ...(department.trim() ? { department: department.trim() } : {}),
              ...(pages.cursor ? { cursor: pages.cursor } : {}),
            },
          },
        }),
      ),
    [status, type, department, pages.cursor],
  );
  const [deciding, setDeciding] = useState<Commitment | null>(null);
  const word = (s: Status) => (lang === 'zh' ? COMMITMENT_STATUS[s].zh : COMMITMENT_STATUS[s].en);
  return (
    <>
      <PageHead
        crumbs={[{ label: t('信用信息', 'Credit information') }, { label: t('信用承诺', 'Commitments') }]}
        title={t('信用承诺履约管理', 'Credit commitments and their outcome')}
      />
      <Card>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item>
            <Radio.Group
              value={status}
              optionType="button"
              data-testid="commitment-status"
              onChange={(e) => {
                pages.reset();
                setStatus(e.target.value as Status | 'all');
              }}
              options={[
                ...(Object.keys(COMMITMENT_STATUS) as Status[]).map((s) => ({ value: s, label: word(s) })),
                { value: 'all', label: t('全部', 'All') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('承诺类型', 'Type')}>
            <Select
              allowClear
              style={{ width: 160 }}
              data-testid="commitment-type"
              value={type}
              onChange={(v?: Commitment['commitmentType']) => {
                pages.reset();
                setType(v);
              }}
              options={Object.keys(COMMITMENT_TYPE).map((v) => ({ value: v, label: label(COMMITMENT_TYPE, v, lang) }))}
            />
          </Form.Item>
          <Form.Item label={t('承诺受理部门', 'Accepting department')}>
            <Input.Search
              allowClear
              style={{ width: 260 }}
              onSearch={(v) => {
                pages.reset();
                setDepartment(v);
              }}
            />
          </Form.Item>
        </Form>
        <PagedTable<Commitment, string>
          problem={problem}
          loading={loading}
          items={data?.items}
          pages={pages}
          next={data?.nextCursor}
          testId="commitments-table"
          empty={
            status === 'pending'
              ? t('没有待核查的信用承诺。', 'No commitment waits for its outcome.')
              : t('没有符合条件的信用承诺。', 'No commitment matches.')
          }
          rowKey="id"
          scroll={{ x: 1000 }}
          columns={[
            { title: t('承诺日期', 'Committed'), dataIndex: 'decisionDate', width: 110, fixed: 'left' },
            {
              title: t('承诺主体', 'Subject'),
              key: 'subject',
              render: (_: unknown, c) => (
                <>
                  <div>{c.subject.name}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.subject.code ?? c.subject.idMasked}
                  </Typography.Text>
                </>
              ),
            },
            { title: t('承诺受理部门', 'Accepted by'), dataIndex: 'source' },
            {
              title: t('行业', 'Industry'),
              dataIndex: 'industry',
              width: 90,
              render: (v: string) => label(INDUSTRY, v, lang),
            },
            { title: t('文书号', 'Document no.'), dataIndex: 'decisionNumber', ellipsis: true },
            {
              title: t('承诺类型', 'Type'),
              dataIndex: 'commitmentType',
              width: 110,
              render: (v: string) => label(COMMITMENT_TYPE, v, lang),
            },
            {
              title: t('履约状态', 'State'),
              dataIndex: 'commitmentStatus',
              width: 100,
              render: (v: Status) => (
                <Tag color={COMMITMENT_STATUS[v]?.color}>{COMMITMENT_STATUS[v] ? word(v) : v}</Tag>
              ),
            },
            {
              title: t('核查认定', 'Outcome'),
              key: 'outcome',
              width: 280,
              render: (_: unknown, c) =>
                c.outcome ? (
                  <Typography.Text style={{ fontSize: 12 }}>
                    {c.outcome.date} · {c.outcome.department}
                    <br />
                    {c.outcome.reason}
                    {c.outcome.legalBasis && (
                      <>
                        <br />
                        {t('依据', 'Basis')}: {c.outcome.legalBasis}
                      </>
                    )}
                  </Typography.Text>
                ) : c.commitmentStatusDate ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.commitmentStatusDate} {t('（随记录报送）', '(filed with the record)')}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            {
              title: t('操作', 'Action'),
              key: 'act',
              width: 130,
              render: (_: unknown, c) =>
                c.commitmentStatus === 'pending' && c.status === 'active' ? (
                  <Button size="small" type="primary" onClick={() => setDeciding(c)} data-testid={`outcome-${c.id}`}>
                    {t('记录履约情况', 'Record outcome')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {deciding && (
        <OutcomeModal
          commitment={deciding}
          onClose={(done) => {
            setDeciding(null);
            if (done) reload();
          }}
        />
      )}
    </>
  );
}

interface OutcomeForm {
  outcome: 'fulfilled' | 'breached';
  kind: (typeof KINDS)[number]['value'];
  date: Dayjs;
  department: string;
  reason: string;
}
const FIELDS = ['outcome', 'kind', 'date', 'department', 'reason'];

/** Record whether a commitment was kept (已履行) or breached (违背承诺), by the department that accepted it. */
function OutcomeModal({ commitment, onClose }: { commitment: Commitment; onClose: (done: boolean) => void }) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<OutcomeForm>();
  const outcome = Form.useWatch('outcome', form);
  const { busy, problem, submit } = useFormSubmit(form, FIELDS, async (v) => {
    await unwrap(
      api.POST('/api/v1/records/{id}/commitment-outcome', {
        params: { path: { id: commitment.id } },
        body: {
          outcome: v.outcome,
          kind: v.kind,
          date: v.date.format('YYYY-MM-DD'),
          department: v.department.trim(),
          reason: v.reason.trim(),
        },
      }),
    );
    onClose(true);
  });
  return (
    <Modal
      open
      title={`${t('记录履约情况', 'Record the outcome')} · ${commitment.subject.name}`}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('确定', 'Confirm')}
      okButtonProps={{ danger: outcome === 'breached', 'data-testid': 'outcome-submit' } as never}
      destroyOnHidden
    >
      <ProblemAlert problem={problem} />
      <Typography.Paragraph type="secondary">
        {t('承诺日期', 'Committed')}: {commitment.decisionDate} · {t('文书号', 'Document')}: {commitment.decisionNumber}
      </Typography.Paragraph>
      <Form<OutcomeForm>
        form={form}
        layout="vertical"
        data-testid="outcome-form"
        initialValues={{ outcome: 'fulfilled', kind: 'notify_and_commit', department: commitment.source }}
        onFinish={submit}
      >
        <Form.Item name="outcome" label={t('核查结论', 'Finding')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'fulfilled', label: t('已履行', 'Fulfilled') },
              { value: 'breached', label: t('违背承诺 / 虚假承诺', 'Breached / false') },
            ]}
          />
        </Form.Item>
        {outcome === 'breached' && (
          <Typography.Paragraph type="warning" style={{ fontSize: 12 }} data-testid="breach-warning">
            {t(
              '违背承诺将作为失信信息记入信用记录（国办发〔2020〕42号），信用等级随之下调，修复前不适用告知承诺制。',
              'A breach enters the credit record as negative information (国办发〔2020〕42号): tiers fall and notify-and-commit is denied until repaired.',
            )}
          </Typography.Paragraph>
        )}
        <Form.Item name="kind" label={t('承诺类型', 'Kind of commitment')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k.value, label: lang === 'zh' ? k.zh : `${k.en} ${k.zh}` }))} />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('认定日期', 'Date found')}
          rules={[
            { required: true, message: t('请选择认定日期', 'Choose the date') },
            {
              validator: (_: unknown, v: Dayjs | undefined) =>
                !v || v.format('YYYY-MM-DD') >= commitment.decisionDate
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(
                        t(`不得早于承诺日期 ${commitment.decisionDate}`, `Not before ${commitment.decisionDate}`),
                      ),
                    ),
            },
          ]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="department"
          label={t('认定部门（承诺受理部门）', 'Department (the one that accepted the commitment)')}
          rules={[
            { required: true, whitespace: true, message: t('请输入认定部门', 'Enter the department') },
            {
              validator: (_: unknown, v: string | undefined) =>
                !v || v.trim() === commitment.source
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(t(`应为承诺受理部门：${commitment.source}`, `Must be ${commitment.source}`)),
                    ),
            },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('核查情况', 'What was found')}
          rules={[
            { required: true, whitespace: true, message: t('请填写核查情况', 'Say what was found') },
            { max: 2000, message: t('不超过2000字', 'At most 2000 characters') },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
