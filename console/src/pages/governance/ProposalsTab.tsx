import { useState } from 'react';
import { Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLang } from '../../i18n';
import { useApi } from '../../lib/useApi';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { type Proposal, subjectText } from './shared';

/** Proposed governance objects (建议对象): penalised repeatedly for one violation type; accept or decline each. */
export function ProposalsTab({ canDecide, onChanged }: { canDecide: boolean; onChanged: () => void }) {
  const { t } = useLang();
  const { data, loading, problem, reload } = useApi(() => unwrap(api.GET('/api/v1/governance/proposals')), []);
  const [deciding, setDeciding] = useState<{ p: Proposal; accept: boolean } | null>(null);
  const key = (p: Proposal) => `${p.subject.id}|${p.violationType}`;
  return (
    <>
      <ProblemAlert problem={problem} />
      {data && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="proposal-parameters">
          {t(
            `建议条件：${data.parameters.windowMonths} 个月内因同一违法行为受到行政处罚 ${data.parameters.minPenalties} 次及以上（截至 ${data.asOf}）`,
            `Proposed: ${data.parameters.minPenalties}+ penalties for one violation type in ${data.parameters.windowMonths} months (as of ${data.asOf})`,
          )}{' '}
          <Tag>{t('地方参数', 'local parameter')}</Tag>
          {data.parameters.basis}
        </Typography.Paragraph>
      )}
      <Table<Proposal>
        rowKey={key}
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="proposals-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('没有待确认的建议对象。', 'No subject is proposed.') }}
        columns={[
          {
            title: t('信用主体', 'Subject'),
            key: 'subject',
            fixed: 'left',
            render: (_: unknown, p) => subjectText(p.subject),
          },
          { title: t('违法行为类型', 'Violation type'), dataIndex: 'violationType' },
          { title: t('处罚次数', 'Penalties'), dataIndex: 'penalties', align: 'right', width: 90 },
          { title: t('建议责任部门', 'Department'), dataIndex: 'department' },
          { title: t('最近处罚日期', 'Latest'), dataIndex: 'lastDate', width: 110 },
          {
            title: t('触发记录', 'Triggering penalties'),
            key: 'records',
            render: (_: unknown, p) => (
              <Typography.Text style={{ fontSize: 12 }}>
                {p.records.map((r) => `${r.decisionDate} ${r.decisionNumber}`).join('；')}
              </Typography.Text>
            ),
          },
          {
            title: t('操作', 'Decide'),
            key: 'act',
            width: 170,
            fixed: 'right',
            render: (_: unknown, p) =>
              canDecide ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setDeciding({ p, accept: true })}
                    data-testid={`accept-${key(p)}`}
                  >
                    {t('列入台账', 'Accept')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => setDeciding({ p, accept: false })}
                    data-testid={`decline-${key(p)}`}
                  >
                    {t('不予列入', 'Decline')}
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('由信用主管部门（admin）确认', 'Decided by the credit office (admin)')}
                </Typography.Text>
              ),
          },
        ]}
      />
      {deciding && (
        <DecideModal
          proposal={deciding.p}
          accept={deciding.accept}
          onClose={(done) => {
            setDeciding(null);
            if (done) {
              reload();
              onChanged();
            }
          }}
        />
      )}
    </>
  );
}

function DecideModal({
  proposal,
  accept,
  onClose,
}: {
  proposal: Proposal;
  accept: boolean;
  onClose: (done: boolean) => void;
}) {
  const { t } = useLang();
  const [form] = Form.useForm<{ department?: string; reason: string }>();
  const { busy, problem, submit } = useFormSubmit(form, ['department', 'reason'], async (v) => {
    const body = {
      subjectId: proposal.subject.id,
      violationType: proposal.violationType,
      reason: v.reason.trim(),
      ...(accept && v.department?.trim() ? { department: v.department.trim() } : {}),
    };
    if (accept) await unwrap(api.POST('/api/v1/governance/proposals/accept', { body }));
    else await unwrap(api.POST('/api/v1/governance/proposals/decline', { body }));
    onClose(true);
  });
  return (
    <Modal
      open
      title={`${accept ? t('列入专项治理台账', 'Accept into the ledger') : t('不予列入', 'Decline')} · ${proposal.subject.name}`}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('确定', 'Confirm')}
      destroyOnHidden
    >
      <ProblemAlert problem={problem} />
      <Typography.Paragraph type="secondary">
        {proposal.violationType} · {t('处罚次数', 'Penalties')} {proposal.penalties}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ department: proposal.department }}
        onFinish={submit}
        data-testid="proposal-form"
      >
        {accept && (
          <Form.Item name="department" label={t('责任部门', 'Responsible department')}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={accept ? t('列入理由', 'Reason entered') : t('不予列入的理由', 'Why declined')}
          rules={[{ required: true, whitespace: true, message: t('请填写理由', 'Give the reason') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
