import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Table } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLang } from '../../i18n';
import { cstDateTime } from '../../lib/dates';
import { useApi } from '../../lib/useApi';
import { useFormSubmit } from '../../lib/useFormSubmit';
import type { QualityQuery } from './query';

type Ledger = Schemas['LedgerDto'];

/**
 * Decision ledgers (台账申报): each department's declared count of licences and penalties per month, the
 * base of 上报率. Declared or corrected here (declaring a month again replaces its count); each is audited.
 */
export function LedgersTab({ query, onChanged }: { query: QualityQuery; onChanged: () => void }) {
  const { t } = useLang();
  const { data, loading, problem, reload } = useApi(
    () => unwrap(api.GET('/api/v1/quality/ledgers', { params: { query } })),
    [query],
  );
  const [editing, setEditing] = useState<Partial<Ledger> | null>(null);
  return (
    <>
      <Button
        icon={<PlusOutlined />}
        onClick={() => setEditing({ department: query.department })}
        data-testid="ledger-new"
      >
        {t('申报台账', 'Declare a month')}
      </Button>
      <ProblemAlert problem={problem} style={{ marginTop: 12 }} />
      <Table<Ledger>
        style={{ marginTop: 12 }}
        rowKey={(l) => `${l.department}/${l.period}`}
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        data-testid="ledgers-table"
        locale={{
          emptyText: t(
            '所选期间尚未申报台账：未申报的月份不计上报率。',
            'No ledger declared in the period: months without one have no reported rate.',
          ),
        }}
        columns={[
          { title: t('数据来源单位', 'Department'), dataIndex: 'department' },
          { title: t('月份', 'Month'), dataIndex: 'period', width: 100 },
          { title: t('应上报数', 'Declared'), dataIndex: 'declared', align: 'right', width: 100 },
          { title: t('备注', 'Note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
          { title: t('申报方', 'Declared by'), dataIndex: 'declaredBy', render: (v: string | null) => v ?? '—' },
          {
            title: t('更新时间', 'Updated'),
            dataIndex: 'updatedAt',
            width: 150,
            render: (v: string) => cstDateTime(v),
          },
          {
            title: t('操作', 'Edit'),
            key: 'edit',
            width: 90,
            render: (_: unknown, l) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(l)}
                data-testid={`ledger-edit-${l.period}`}
              >
                {t('修改', 'Edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <LedgerModal
          ledger={editing}
          onClose={(done) => {
            setEditing(null);
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

interface LedgerForm {
  department: string;
  period: Dayjs;
  declared: number;
  note?: string;
}

function LedgerModal({ ledger, onClose }: { ledger: Partial<Ledger>; onClose: (done: boolean) => void }) {
  const { t } = useLang();
  const [form] = Form.useForm<LedgerForm>();
  const existing = ledger.period !== undefined;
  const { busy, problem, submit } = useFormSubmit(form, ['department', 'period', 'declared', 'note'], async (v) => {
    await unwrap(
      api.PUT('/api/v1/quality/ledgers/{department}/{period}', {
        params: { path: { department: v.department.trim(), period: v.period.format('YYYY-MM') } },
        body: { declared: v.declared, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
      }),
    );
    onClose(true);
  });
  return (
    <Modal
      open
      title={existing ? t('修改台账申报', 'Correct a declaration') : t('申报台账', 'Declare a month')}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('保存', 'Save')}
      destroyOnHidden
    >
      <ProblemAlert problem={problem} />
      <Form<LedgerForm>
        form={form}
        layout="vertical"
        data-testid="ledger-form"
        initialValues={{
          department: ledger.department,
          period: ledger.period ? dayjs(`${ledger.period}-01`) : undefined,
          declared: ledger.declared,
          note: ledger.note ?? undefined,
        }}
        onFinish={submit}
      >
        <Form.Item
          name="department"
          label={t('数据来源单位（与信用记录一致）', 'Department (as written in credit records)')}
          rules={[
            { required: true, whitespace: true, message: t('请输入数据来源单位', 'Enter the department') },
            { max: 200, message: t('不超过200字', 'At most 200 characters') },
          ]}
        >
          <Input disabled={existing} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('月份', 'Month')}
          rules={[{ required: true, message: t('请选择月份', 'Choose the month') }]}
        >
          <DatePicker picker="month" disabled={existing} />
        </Form.Item>
        <Form.Item
          name="declared"
          label={t('应上报数（当月行政许可、行政处罚决定数）', 'Declared (licences and penalties decided that month)')}
          rules={[{ required: true, message: t('请输入应上报数', 'Enter the count') }]}
        >
          <InputNumber min={0} max={10_000_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="note" label={t('备注', 'Note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
