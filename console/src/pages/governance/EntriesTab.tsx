import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Radio, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLang } from '../../i18n';
import { useApi } from '../../lib/useApi';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { type Entry, ENTRY_STATUS, type EntryStatus, type ExitStatus, subjectText } from './shared';

/** The ledger (治理台账), newest first, by state; an open entry's exit recorded with its way, date and evidence. */
export function EntriesTab({
  canDecide,
  tick,
  onChanged,
}: {
  canDecide: boolean;
  tick: number;
  onChanged: () => void;
}) {
  const { t, lang } = useLang();
  const [status, setStatus] = useState<EntryStatus | 'all'>('all');
  const { data, loading, problem, reload } = useApi(
    () => unwrap(api.GET('/api/v1/governance/entries', { params: { query: status === 'all' ? {} : { status } } })),
    [status, tick],
  );
  const [exiting, setExiting] = useState<Entry | null>(null);
  const word = (s: EntryStatus) => (lang === 'zh' ? ENTRY_STATUS[s].zh : ENTRY_STATUS[s].en);
  return (
    <>
      <Radio.Group
        value={status}
        onChange={(e) => setStatus(e.target.value as EntryStatus | 'all')}
        optionType="button"
        data-testid="entry-status"
        options={[
          { value: 'all', label: t('全部', 'All') },
          ...(Object.keys(ENTRY_STATUS) as EntryStatus[]).map((s) => ({ value: s, label: word(s) })),
        ]}
      />
      <ProblemAlert problem={problem} style={{ marginTop: 12 }} />
      <Table<Entry>
        style={{ marginTop: 12 }}
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="entries-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        locale={{
          emptyText: t(
            '台账中没有条目：在“建议对象”中确认列入。',
            'The ledger is empty: accept a proposal under “Proposals”.',
          ),
        }}
        columns={[
          { title: t('列入日期', 'Entered'), dataIndex: 'openedOn', width: 110, fixed: 'left' },
          { title: t('信用主体', 'Subject'), key: 'subject', render: (_: unknown, e) => subjectText(e.subject) },
          {
            title: t('违法行为类型', 'Violation type'),
            dataIndex: 'violationType',
            render: (v: string | null) => v ?? '—',
          },
          { title: t('责任部门', 'Department'), dataIndex: 'department' },
          {
            title: t('来源', 'Source'),
            dataIndex: 'source',
            width: 100,
            render: (v: string) => (v === 'rule' ? t('规则建议', 'Proposal') : t('人工列入', 'By hand')),
          },
          { title: t('列入理由', 'Reason'), dataIndex: 'reason', ellipsis: true },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            width: 110,
            render: (v: EntryStatus, e) => (
              <>
                <Tag color={ENTRY_STATUS[v].color}>{word(v)}</Tag>
                {e.keyAttentionListed && <Tag color="warning">{t('重点关注名单', 'Key attention')}</Tag>}
              </>
            ),
          },
          {
            title: t('退出', 'Exit'),
            key: 'exit',
            width: 200,
            fixed: 'right',
            render: (_: unknown, e) =>
              e.status !== 'open' ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.exitDate} {e.exitNote}
                </Typography.Text>
              ) : canDecide ? (
                <Button size="small" onClick={() => setExiting(e)} data-testid={`exit-${e.id}`}>
                  {t('登记退出', 'Record exit')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {exiting && (
        <ExitModal
          entry={exiting}
          onClose={(done) => {
            setExiting(null);
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

const EXITS: ExitStatus[] = ['rectified', 'repaired', 'closed_other'];

function ExitModal({ entry, onClose }: { entry: Entry; onClose: (done: boolean) => void }) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<{ status: ExitStatus; date: Dayjs; note: string }>();
  const { busy, problem, submit } = useFormSubmit(form, ['status', 'date', 'note'], async (v) => {
    await unwrap(
      api.POST('/api/v1/governance/entries/{id}/exit', {
        params: { path: { id: entry.id } },
        body: { status: v.status, date: v.date.format('YYYY-MM-DD'), note: v.note.trim() },
      }),
    );
    onClose(true);
  });
  return (
    <Modal
      open
      title={`${t('治理对象退出', 'Record the exit')} · ${entry.subject.name}`}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('确定', 'Confirm')}
      destroyOnHidden
    >
      <ProblemAlert problem={problem} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="exit-form">
        <Form.Item
          name="status"
          label={t('退出方式', 'How it exits')}
          rules={[{ required: true, message: t('请选择退出方式', 'Choose how it exits') }]}
        >
          <Radio.Group
            options={EXITS.map((s) => ({
              value: s,
              label: lang === 'zh' ? ENTRY_STATUS[s].zh : `${ENTRY_STATUS[s].en} ${ENTRY_STATUS[s].zh}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('退出日期', 'Exit date')}
          rules={[
            { required: true, message: t('请选择退出日期', 'Choose the date') },
            {
              validator: (_: unknown, v: Dayjs | undefined) =>
                !v || v.format('YYYY-MM-DD') >= entry.openedOn
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(`不得早于列入日期 ${entry.openedOn}`, `Not before ${entry.openedOn}`))),
            },
          ]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('佐证材料说明', 'Evidence')}
          rules={[{ required: true, whitespace: true, message: t('请填写佐证材料说明', 'Describe the evidence') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
