import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Row, Select, Space, Statistic, Switch, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { api, ApiError, unwrap, type Schemas } from '../api/client';
import { PageHead } from '../components/PageHead';
import { ProblemAlert } from '../components/ProblemAlert';
import { useLang } from '../i18n';
import { saveBlob } from '../lib/download';
import type { Problem } from '../lib/problem';
import { RECORD_TYPE } from '../lib/labels';

type Report = Schemas['ImportReportDto'];
type Job = Schemas['JobDto'];
type RowReport = Schemas['RowReportDto'];
const MAX_BYTES = 5 * 1024 * 1024;
const STATUS: Record<string, { color: string; zh: string; en: string }> = {
  stored: { color: 'success', zh: '已入库', en: 'Stored' },
  updated: { color: 'processing', zh: '已更新', en: 'Updated' },
  unchanged: { color: 'default', zh: '无变化', en: 'Unchanged' },
  refused: { color: 'error', zh: '已拒收', en: 'Refused' },
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The record types the API takes (generated from openapi.json). */
type RecordType = Schemas['RecordRowDto']['type'];
/** Record types in the order a data officer meets them (labels: lib/labels.ts). */
const TYPES = [
  'penalty',
  'licence',
  'list_entry',
  'tax_credit',
  'commitment',
  'inspection',
  'public_credit',
  'admin_enforcement',
  'admin_reward',
  'admin_confirmation',
  'admin_adjudication',
  'admin_supervision',
] as const satisfies readonly RecordType[];
/** Compile-time guard: a record type the API gains and this list lacks fails the console's type check. */
const EVERY_TYPE_LISTED: Exclude<RecordType, (typeof TYPES)[number]> extends never ? true : never = true;
void EVERY_TYPE_LISTED;
/** The file as the service reads it: JSON, an Excel workbook, or CSV (UTF-8 or GBK: sent as bytes, decoded there). */
const contentTypeOf = (name: string) =>
  /\.json$/i.test(name) ? 'application/json' : /\.xlsx$/i.test(name) ? XLSX : 'text/csv';

/**
 * Records import (信用记录导入): a CSV (UTF-8 or GBK), .xlsx or JSON file dropped or chosen, sent as it is; the service's per-row
 * report, refused rows highlighted with their reasons (nothing is stored for them).
 */
export default function ImportPage() {
  const { t, lang } = useLang();
  const [report, setReport] = useState<Report | null>(null);
  /** Over 5,000 rows the service runs the import as a background job (后台任务) and answers with it. */
  const [job, setJob] = useState<Job | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const [refusedOnly, setRefusedOnly] = useState(false);

  const send = async (file: File) => {
    setProblem(null);
    setReport(null);
    setJob(null);
    setFileName(file.name);
    if (file.size > MAX_BYTES) {
      setProblem({
        title: t('文件过大', 'File too large'),
        status: 413,
        detail: t('单次导入不超过 5 MB（5000 行）。', 'At most 5 MB (5,000 rows) per import.'),
      });
      return;
    }
    setBusy(true);
    try {
      const res = await unwrap(
        api.POST('/api/v1/records/import', {
          body: file as never,
          bodySerializer: (b: unknown) => b as Blob,
          headers: { 'content-type': contentTypeOf(file.name) },
        }),
      );
      if ('totals' in res) setReport(res);
      else setJob(res);
    } catch (e) {
      if (e instanceof ApiError) setProblem(e.problem);
      else throw e;
    } finally {
      setBusy(false);
    }
  };

  /** The job as it stands now (进度刷新). */
  const refreshJob = async () => {
    if (!job) return;
    try {
      setJob(await unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id: job.id } } })));
    } catch (e) {
      if (e instanceof ApiError) setProblem(e.problem);
      else throw e;
    }
  };

  const [templateType, setTemplateType] = useState<RecordType>('penalty');
  /** The service's template (双公示 Chinese column titles for penalties and licences), downloaded with the key. */
  const template = async (format: 'csv' | 'xlsx') => {
    setProblem(null);
    try {
      const blob = await unwrap(
        api.GET('/api/v1/records/import-template', {
          params: { query: { type: templateType, format, lang: lang === 'zh' ? 'zh' : 'en' } },
          parseAs: 'blob',
        }),
      );
      saveBlob(blob as Blob, `导入模板-${templateType}.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setProblem(e.problem);
      else throw e;
    }
  };

  const rows = useMemo(
    () => (report?.rows ?? []).filter((r) => !refusedOnly || r.status === 'refused'),
    [report, refusedOnly],
  );
  return (
    <>
      <PageHead
        crumbs={[{ label: t('信用信息', 'Credit information') }, { label: t('记录导入', 'Records import') }]}
        title={t('信用记录导入', 'Import credit records')}
        extra={
          <Space.Compact>
            <Select
              value={templateType}
              onChange={setTemplateType}
              options={TYPES.map((value) => ({
                value,
                label: lang === 'zh' ? RECORD_TYPE[value].zh : RECORD_TYPE[value].en,
              }))}
              style={{ width: 120 }}
              data-testid="template-type"
            />
            <Button icon={<DownloadOutlined />} onClick={() => void template('csv')} data-testid="template">
              {t('下载模板 CSV', 'Template CSV')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void template('xlsx')} data-testid="template-xlsx">
              Excel
            </Button>
          </Space.Compact>
        }
      />
      <Card>
        <Upload.Dragger
          accept={`.csv,.json,.xlsx,text/csv,application/json,${XLSX}`}
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
          data-testid="import-drop"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {t(
              '将 CSV、Excel（.xlsx）或 JSON 文件拖到此处，或点击选择',
              'Drop a CSV, Excel (.xlsx) or JSON file here, or click to choose one',
            )}
          </p>
          <p className="ant-upload-hint">
            {t(
              '可用双公示导出文件的中文列名（行政相对人名称、统一社会信用代码、行政处罚决定书文号……），UTF-8 或 GBK 编码均可。每行单独校验：被拒收的行不入库，也不影响其他行；同一文件重复导入不会重复入库。',
              'The 双公示 export’s Chinese column titles are read as they are, in UTF-8 or GBK. Each row is checked on its own: a refused row stores nothing and never blocks the others; importing the same file again changes nothing.',
            )}
          </p>
        </Upload.Dragger>
        {busy && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={t(`正在导入 ${fileName}…`, `Importing ${fileName}…`)}
          />
        )}
      </Card>
      <ProblemAlert problem={problem} style={{ marginTop: 16 }} />
      {job && (
        <Alert
          style={{ marginTop: 16 }}
          type={job.state === 'failed' ? 'error' : job.state === 'completed' ? 'success' : 'info'}
          showIcon
          data-testid="import-job"
          title={t(
            `已转为后台任务（${job.stateZh}）：${job.progress.done} / ${job.progress.total ?? '?'} 行`,
            `Running as a background job (${job.state}): ${job.progress.done} / ${job.progress.total ?? '?'} rows`,
          )}
          description={`${t('任务编号', 'Job')} ${job.id}`}
          action={<Button onClick={() => void refreshJob()}>{t('刷新进度', 'Refresh')}</Button>}
        />
      )}
      {report && (
        <Card
          style={{ marginTop: 16 }}
          title={`${t('导入结果', 'Import report')} · ${fileName ?? ''}`}
          data-testid="import-report"
        >
          <Row gutter={16}>
            {(['rows', 'stored', 'updated', 'unchanged', 'refused'] as const).map((k) => (
              <Col key={k} span={4}>
                <Statistic
                  title={k === 'rows' ? t('总行数', 'Rows') : lang === 'zh' ? STATUS[k].zh : STATUS[k].en}
                  value={report.totals[k]}
                  styles={k === 'refused' && report.totals.refused > 0 ? { content: { color: '#cf1322' } } : undefined}
                  data-testid={`total-${k}`}
                />
              </Col>
            ))}
          </Row>
          <Space style={{ margin: '12px 0' }}>
            <Switch id="refused-only" checked={refusedOnly} onChange={setRefusedOnly} />
            <label htmlFor="refused-only">{t('只看拒收的行', 'Refused rows only')}</label>
          </Space>
          <Table<RowReport>
            rowKey="row"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            rowClassName={(r) => (r.status === 'refused' ? 'row-refused' : '')}
            onRow={(r) => (r.status === 'refused' ? { style: { background: '#fff1f0' } } : {})}
            data-testid="import-rows"
            columns={[
              { title: t('行', 'Row'), dataIndex: 'row', width: 60 },
              {
                title: t('文件行号', 'Line'),
                dataIndex: 'line',
                width: 80,
                render: (v: number | undefined) => v ?? '—',
              },
              {
                title: t('状态', 'Status'),
                dataIndex: 'status',
                width: 90,
                render: (v: string) => (
                  <Tag color={STATUS[v]?.color}>{lang === 'zh' ? STATUS[v]?.zh : STATUS[v]?.en}</Tag>
                ),
              },
              {
                title: t('决定文书号', 'Decision no.'),
                dataIndex: 'decisionNumber',
                render: (v: string | null) => v ?? '—',
              },
              { title: t('主体', 'Subject'), dataIndex: 'subject', render: (v: string | null) => v ?? '—' },
              {
                title: t('拒收原因', 'Why refused'),
                key: 'errors',
                render: (_: unknown, r) =>
                  (r.errors ?? []).length ? (
                    <ul style={{ margin: 0, paddingLeft: 16 }}>
                      {(r.errors as { field: string; reason: string }[]).map((e, i) => (
                        <li key={i}>
                          <code>{e.field}</code>: {e.reason}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
