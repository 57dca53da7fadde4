import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, Modal, Radio, Space, Table, Tag } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useParams } from 'react-router-dom';
import { api, ApiError, unwrap, type Schemas } from '../api/client';
import { IdentifierInput } from '../components/IdentifierInput';
import { PageHead } from '../components/PageHead';
import { ProblemAlert } from '../components/ProblemAlert';
import { TierTag } from '../components/Tags';
import { useLang } from '../i18n';
import { saveBlob } from '../lib/download';
import { INDUSTRY, label } from '../lib/labels';
import type { Problem } from '../lib/problem';
import { useApi } from '../lib/useApi';
import { useFormSubmit } from '../lib/useFormSubmit';

type Item = Schemas['PlanItemDto'];
const REASON: Record<string, { zh: string; en: string }> = {
  lead: { zh: '投诉举报线索', en: 'Lead' },
  due: { zh: '检查频次到期', en: 'Due' },
  ratio: { zh: '按比例随机', en: 'Random by ratio' },
};

/** One plan (抽查计划详情): tiers drawn, subjects with their inspectors, export (一公开) and results. */
export default function PlanDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const {
    data: plan,
    loading,
    problem,
    reload,
  } = useApi(() => unwrap(api.GET('/api/v1/inspection-plans/{id}', { params: { path: { id } } })), [id]);
  const [exportProblem, setExportProblem] = useState<Problem | null>(null);
  const [recording, setRecording] = useState<Item | null>(null);

  const download = async (format: 'csv' | 'json' | 'xlsx') => {
    setExportProblem(null);
    try {
      const blob = await unwrap(
        api.GET('/api/v1/inspection-plans/{id}/export', {
          params: { path: { id }, query: { format } },
          parseAs: 'blob',
        }),
      );
      saveBlob(blob as Blob, `inspection-plan-${id}.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setExportProblem(e.problem);
      else throw e;
    }
  };

  return (
    <>
      <PageHead
        crumbs={[
          { label: t('监管工作', 'Supervision') },
          { label: t('双随机抽查', 'Inspection plans'), to: '/inspection-plans' },
          { label: t('计划详情', 'Plan') },
        ]}
        title={
          plan
            ? `${plan.department} · ${label(INDUSTRY, plan.industry, lang)} · ${plan.period.from} ~ ${plan.period.to}`
            : t('抽查计划', 'Inspection plan')
        }
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => void download('json')}>
              JSON
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void download('csv')} data-testid="export-csv">
              {t('导出 CSV', 'Export CSV')}
            </Button>
            <Button
              type="primary"
              icon={<FileExcelOutlined />}
              onClick={() => void download('xlsx')}
              data-testid="export-xlsx"
            >
              {t('导出 Excel', 'Export Excel')}
            </Button>
          </Space>
        }
      />
      <ProblemAlert problem={problem ?? exportProblem} />
      <Card loading={loading}>
        {plan && (
          <>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('行政区划', 'Region')}>{plan.region ?? t('全部', 'all')}</Descriptions.Item>
              <Descriptions.Item label={t('随机种子', 'Seed')}>{plan.seed}</Descriptions.Item>
              <Descriptions.Item label={t('算法', 'Algorithm')}>{plan.algorithm}</Descriptions.Item>
              <Descriptions.Item label={t('输入摘要', 'Inputs hash')} span={3}>
                <code style={{ fontSize: 11 }}>{plan.inputsHash}</code>
              </Descriptions.Item>
            </Descriptions>
            <Table
              rowKey="tier"
              size="small"
              pagination={false}
              dataSource={plan.tiers}
              columns={[
                { title: t('等级', 'Tier'), dataIndex: 'tier', render: (v: string) => <TierTag tier={v} /> },
                { title: t('主体数', 'Subjects'), dataIndex: 'population', align: 'right' },
                {
                  title: t('抽查比例', 'Ratio'),
                  dataIndex: 'samplingRatio',
                  align: 'right',
                  render: (v: number) => `${(v * 100).toFixed(0)}%`,
                },
                { title: t('线索', 'Lead'), dataIndex: 'lead', align: 'right' },
                { title: t('到期', 'Due'), dataIndex: 'due', align: 'right' },
                { title: t('随机', 'Random'), dataIndex: 'ratio', align: 'right' },
                { title: t('抽取数', 'Drawn'), dataIndex: 'drawn', align: 'right' },
              ]}
            />
          </>
        )}
      </Card>
      <Card style={{ marginTop: 16 }} title={t('抽查事项', 'Subjects drawn')}>
        <Table<Item>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={plan?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="plan-items"
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('本计划未抽取主体。', 'No subject drawn.') }}
          columns={[
            { title: '#', dataIndex: 'position', width: 50, fixed: 'left', render: (v: number) => v + 1 },
            {
              title: t('被检查主体', 'Subject'),
              key: 'subject',
              render: (_: unknown, i) => `${i.subject.name ?? '—'}（${i.subject.code ?? i.subject.idMasked ?? ''}）`,
            },
            { title: t('等级', 'Tier'), dataIndex: 'tier', width: 70, render: (v: string) => <TierTag tier={v} /> },
            {
              title: t('抽取原因', 'Reason'),
              dataIndex: 'reason',
              width: 120,
              render: (v: string) => label(REASON, v, lang),
            },
            {
              title: t('检查人员', 'Inspectors'),
              key: 'inspectors',
              render: (_: unknown, i) => i.inspectors.map((x) => x.name ?? x.id).join('、'),
            },
            {
              title: t('方式', 'How'),
              key: 'how',
              width: 100,
              render: (_: unknown, i) => (i.onSite ? t('现场检查', 'On site') : t('非现场', 'Off site')),
            },
            {
              title: t('检查结果', 'Result'),
              key: 'result',
              width: 170,
              render: (_: unknown, i) =>
                i.result ? (
                  <Tag color={i.result.result === 'failed' ? 'error' : 'success'}>
                    {i.result.result === 'failed' ? t('发现问题', 'Failed') : t('未发现问题', 'Passed')} {i.result.date}
                  </Tag>
                ) : (
                  <Button size="small" onClick={() => setRecording(i)} data-testid={`record-${i.position}`}>
                    {t('录入结果', 'Record result')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {recording && plan && (
        <ResultModal
          planId={plan.id}
          item={recording}
          onClose={(saved) => {
            setRecording(null);
            if (saved) reload();
          }}
        />
      )}
    </>
  );
}

interface ResultForm {
  result: 'passed' | 'failed';
  date: Dayjs;
  findings?: string;
  subjectIdNumber?: string;
}

function ResultModal({ planId, item, onClose }: { planId: string; item: Item; onClose: (saved: boolean) => void }) {
  const { t } = useLang();
  const [form] = Form.useForm<ResultForm>();
  const person = item.subject.kind === 'natural_person';
  const {
    busy,
    problem,
    submit: save,
  } = useFormSubmit(form, ['result', 'date', 'findings', 'subjectIdNumber'], async (v) => {
    await unwrap(
      api.POST('/api/v1/inspection-plans/{id}/items/{itemId}/result', {
        params: { path: { id: planId, itemId: item.id } },
        body: {
          result: v.result,
          date: v.date.format('YYYY-MM-DD'),
          ...(v.findings?.trim() ? { findings: v.findings.trim() } : {}),
          ...(person && v.subjectIdNumber ? { subjectIdNumber: v.subjectIdNumber.trim().toUpperCase() } : {}),
        },
      }),
    );
    onClose(true);
  });
  return (
    <Modal
      open
      title={`${t('录入检查结果', 'Record the result')} · ${item.subject.name ?? ''}`}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('保存', 'Save')}
      destroyOnHidden
    >
      <ProblemAlert problem={problem} />
      <Form<ResultForm>
        form={form}
        layout="vertical"
        initialValues={{ result: 'passed' }}
        onFinish={save}
        data-testid="result-form"
      >
        <Form.Item name="result" label={t('检查结果', 'Result')} rules={[{ required: true }]}>
          <Radio.Group>
            <Radio value="passed">{t('未发现问题', 'Passed')}</Radio>
            <Radio value="failed">{t('发现问题', 'Failed')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="date"
          label={t('检查日期', 'Date')}
          rules={[{ required: true, message: t('请选择检查日期', 'Choose the date') }]}
        >
          <DatePicker data-testid="result-date" />
        </Form.Item>
        <Form.Item name="findings" label={t('检查发现', 'Findings')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {person && (
          <Form.Item
            name="subjectIdNumber"
            label={t('被检查人身份证号', 'ID number of the person')}
            rules={[{ required: true, message: t('自然人须填写身份证号', 'Needed for a natural person') }]}
          >
            <IdentifierInput />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
