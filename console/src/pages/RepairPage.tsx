import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { api, unwrap, type Schemas } from '../api/client';
import { PageHead } from '../components/PageHead';
import { ProblemAlert } from '../components/ProblemAlert';
import { useLang } from '../i18n';
import { useApi } from '../lib/useApi';
import { useFormSubmit } from '../lib/useFormSubmit';
import { useSession } from '../session';

type Application = Schemas['RepairApplicationDto'];
type Status = 'pending' | 'approved' | 'rejected';
const STATUS: Record<Status, { color: string; zh: string; en: string }> = {
  pending: { color: 'processing', zh: '待审核', en: 'Pending' },
  approved: { color: 'success', zh: '已修复', en: 'Approved' },
  rejected: { color: 'error', zh: '不予修复', en: 'Rejected' },
};
const PAGE = 20;

/** Credit repair applications (信用修复申请): the queue; approve or reject with a reason ("谁认定、谁修复"). */
export default function RepairPage() {
  const { t, lang } = useLang();
  const [status, setStatus] = useState<Status>('pending');
  const [offset, setOffset] = useState(0);
  const { data, loading, problem, reload } = useApi(
    () => unwrap(api.GET('/api/v1/repair-applications', { params: { query: { status, limit: PAGE, offset } } })),
    [status, offset],
  );
  const [deciding, setDeciding] = useState<{ app: Application; approve: boolean } | null>(null);
  return (
    <>
      <PageHead
        crumbs={[{ label: t('信用信息', 'Credit information') }, { label: t('信用修复', 'Credit repair') }]}
        title={t('信用修复申请', 'Credit repair applications')}
      />
      <Card>
        <Radio.Group
          value={status}
          onChange={(e) => {
            setOffset(0);
            setStatus(e.target.value as Status);
          }}
          optionType="button"
          options={(Object.keys(STATUS) as Status[]).map((s) => ({
            value: s,
            label: lang === 'zh' ? STATUS[s].zh : STATUS[s].en,
          }))}
        />
        <ProblemAlert problem={problem} style={{ marginTop: 12 }} />
        <Table<Application>
          style={{ marginTop: 12 }}
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          data-testid="repair-table"
          scroll={{ x: 1100 }}
          pagination={{
            current: offset / PAGE + 1,
            pageSize: PAGE,
            total: data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: (p) => setOffset((p - 1) * PAGE),
            showTotal: (n) => t(`共 ${n} 件`, `${n} in all`),
          }}
          locale={{
            emptyText:
              status === 'pending'
                ? t('没有待审核的修复申请。', 'No application waits for a decision.')
                : t('没有记录。', 'None.'),
          }}
          columns={[
            { title: t('申请日期', 'Applied on'), dataIndex: 'appliedOn', width: 110, fixed: 'left' },
            { title: t('申请人', 'Applicant'), key: 'applicant', render: (_: unknown, a) => a.applicant.name },
            { title: t('决定文书号', 'Decision no.'), dataIndex: 'decisionNumber' },
            { title: t('认定部门', 'Department'), dataIndex: 'department' },
            { title: t('最早可修复日期', 'Earliest repair'), dataIndex: 'earliestRepairDate', width: 120 },
            { title: t('履行义务情况', 'Obligations fulfilled'), dataIndex: 'reason', ellipsis: true },
            {
              title: t('状态', 'Status'),
              dataIndex: 'status',
              width: 100,
              render: (v: Status) => <Tag color={STATUS[v].color}>{lang === 'zh' ? STATUS[v].zh : STATUS[v].en}</Tag>,
            },
            {
              title: t('操作', 'Decide'),
              key: 'act',
              width: 170,
              fixed: 'right',
              render: (_: unknown, a) =>
                a.status === 'pending' ? (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setDeciding({ app: a, approve: true })}
                      data-testid={`approve-${a.id}`}
                    >
                      {t('准予修复', 'Approve')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      onClick={() => setDeciding({ app: a, approve: false })}
                      data-testid={`reject-${a.id}`}
                    >
                      {t('不予修复', 'Reject')}
                    </Button>
                  </Space>
                ) : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.decidedOn} {a.decisionReason ?? ''}
                  </Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      {deciding && (
        <DecideModal
          app={deciding.app}
          approve={deciding.approve}
          onClose={(done) => {
            setDeciding(null);
            if (done) reload();
          }}
        />
      )}
    </>
  );
}

function DecideModal({
  app,
  approve,
  onClose,
}: {
  app: Application;
  approve: boolean;
  onClose: (done: boolean) => void;
}) {
  const { t } = useLang();
  const { me } = useSession();
  const [form] = Form.useForm<{ department: string; reason?: string }>();
  const { busy, problem, submit } = useFormSubmit(form, ['department', 'reason'], async (v) => {
    const path = { params: { path: { id: app.id } } };
    if (approve)
      await unwrap(
        api.POST('/api/v1/repair-applications/{id}/approve', {
          ...path,
          body: { department: v.department.trim(), ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) },
        }),
      );
    else
      await unwrap(
        api.POST('/api/v1/repair-applications/{id}/reject', {
          ...path,
          body: { department: v.department.trim(), reason: (v.reason ?? '').trim() },
        }),
      );
    onClose(true);
  });
  return (
    <Modal
      open
      title={`${approve ? t('准予信用修复', 'Approve the repair') : t('不予信用修复', 'Reject the repair')} · ${app.decisionNumber}`}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('确定', 'Confirm')}
      okButtonProps={{ danger: !approve }}
      destroyOnHidden
    >
      <ProblemAlert problem={problem} />
      <Typography.Paragraph type="secondary">
        {t('最早可修复日期', 'Earliest repair date')}: {app.earliestRepairDate} · {t('申请人承诺', 'Commitment')}:{' '}
        {app.commitment}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ department: me?.department ?? app.department }}
        onFinish={submit}
        data-testid="decide-form"
      >
        <Form.Item
          name="department"
          label={t('审核部门（认定部门）', 'Deciding department (the one that recognised the record)')}
          rules={[{ required: true, whitespace: true, message: t('请输入审核部门', 'Enter the department') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="reason"
          label={approve ? t('审核意见', 'Note') : t('不予修复的理由', 'Why rejected')}
          rules={
            approve ? [] : [{ required: true, whitespace: true, message: t('请填写不予修复的理由', 'Give the reason') }]
          }
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
