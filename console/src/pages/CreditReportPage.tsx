import { Button, Card, Descriptions, Spin, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../api/client';
import { PageHead } from '../components/PageHead';
import { ProblemAlert } from '../components/ProblemAlert';
import { useLang } from '../i18n';
import { groundLabel, label, LIST_TYPE, SUBJECT_KIND, TIER_NAME } from '../lib/labels';
import { useApi } from '../lib/useApi';
import { cstDateTime } from '../lib/dates';

type Section = Schemas['ReportSectionDto'];

/** Fields every item shows in a fixed order; the rest follow as "label: value" (Chinese labels where known). */
const LEAD = ['categoryZh', 'decisionNumber', 'department', 'decisionDate'];
const HIDDEN = new Set(['recordId', 'id', 'category', 'text', 'textZh', 'tierLabel', ...LEAD]);
const FIELD_ZH: Record<string, string> = {
  name: '名称',
  code: '统一社会信用代码',
  idMasked: '身份证号（脱敏）',
  kind: '主体类型',
  region: '行政区划',
  registeredOn: '成立日期',
  taxLevel: '纳税信用级别',
  taxYear: '评价年度',
  industry: '行业',
  tier: '信用等级',
  tierLabelZh: '等级名称',
  score: '信用分',
  pack: '规则包',
  version: '版本',
  severity: '严重程度',
  publicityEnd: '公示截止',
  publicityEnds: '公示截止',
  publicityMinEnd: '最短公示期满',
  ruleVersion: '适用规章',
  route: '修复途径',
  canApplyNow: '可立即申请',
  earliestRepairDate: '最早可修复日期',
  listType: '名单类型',
  listGround: '失信情形',
  fineAmount: '罚款（万元）',
  penaltyTypes: '处罚种类',
  commitmentStatus: '履行状态',
  inspectionResult: '检查结果',
  validUntil: '有效期至',
  status: '状态',
};

/** A field's value in words: lists, 失信情形 and tiers by their labels, booleans as 是/否. */
function valueText(k: string, v: unknown, lang: 'zh' | 'en'): string {
  if (v === true) return lang === 'zh' ? '是' : 'yes';
  if (v === false) return lang === 'zh' ? '否' : 'no';
  if (k === 'listType') return label(LIST_TYPE, String(v), lang);
  if (k === 'listGround') return groundLabel(Number(v), lang);
  if (k === 'tier' || k === 'taxLevel')
    return `${String(v)}${v === 'N' || v === 'M' ? ` ${label(TIER_NAME, String(v), lang)}` : ''}`;
  return String(v);
}

function itemLine(item: Record<string, unknown>, lang: 'zh' | 'en'): { lead: string; rest: string } {
  const text = lang === 'zh' ? (item.textZh ?? item.text) : (item.text ?? item.textZh);
  const lead = [typeof text === 'string' ? text : null, ...LEAD.map((k) => item[k])]
    .filter((v) => v !== undefined && v !== null && v !== '')
    .join(' · ');
  const rest = Object.entries(item)
    .filter(([k, v]) => !HIDDEN.has(k) && v !== null && v !== undefined && v !== '' && typeof v !== 'object')
    .map(([k, v]) => `${lang === 'zh' ? (FIELD_ZH[k] ?? k) : k}: ${valueText(k, v, lang)}`)
    .join('；');
  return { lead, rest };
}

/**
 * The public credit report (公共信用信息报告), printable on A4 portrait (print.css): the menu and buttons
 * hidden; report number, production time, data cut-off and page numbers shown; 信用中国's section order.
 */
export default function CreditReportPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const {
    data: r,
    loading,
    problem,
  } = useApi(() => unwrap(api.GET('/api/v1/subjects/{id}/credit-report', { params: { path: { id } } })), [id]);
  const subject = r?.subject as Record<string, string | null> | undefined;
  // The report number: the subject and the instant the service produced it (the service answers no number of its own).
  const reportNo = r ? `XYBG-${r.generatedAt.replace(/\D/g, '').slice(0, 14)}-${id.slice(0, 8).toUpperCase()}` : '';
  return (
    <>
      <PageHead
        crumbs={[
          { label: t('监管工作', 'Supervision') },
          { label: t('主体查询', 'Subjects'), to: '/subjects' },
          { label: subject?.name ?? '…', to: `/subjects/${id}` },
          { label: t('信用报告', 'Credit report') },
        ]}
        title={r ? (lang === 'zh' ? r.titleZh : r.title) : t('信用报告', 'Credit report')}
        extra={
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!r}>
            {t('打印', 'Print')}
          </Button>
        }
      />
      <ProblemAlert problem={problem} />
      <Spin spinning={loading}>
        {r && (
          <Card data-testid="credit-report">
            <Typography.Title level={3} style={{ textAlign: 'center' }}>
              {r.titleZh}
            </Typography.Title>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="报告编号 Report no.">{reportNo}</Descriptions.Item>
              <Descriptions.Item label="生成时间 Produced">{cstDateTime(r.generatedAt)}</Descriptions.Item>
              <Descriptions.Item label="数据截止 Data cut-off">{r.asOf}</Descriptions.Item>
              <Descriptions.Item label="主体类型 Kind">{label(SUBJECT_KIND, subject?.kind, lang)}</Descriptions.Item>
              <Descriptions.Item label="名称 Name">{subject?.name}</Descriptions.Item>
              <Descriptions.Item label={subject?.code ? '统一社会信用代码' : '身份证号（脱敏）'}>
                {subject?.code ?? subject?.idMasked}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
              {r.scope}
            </Typography.Paragraph>
            {r.sections.map((s: Section, i: number) => (
              <div className="report-section" key={s.key} style={{ marginTop: 16 }} data-testid={`section-${s.key}`}>
                <Typography.Title level={5}>
                  {i + 1}. {s.titleZh}
                  {lang === 'en' ? ` (${s.title})` : ''}{' '}
                  <Typography.Text type="secondary">（{s.count}）</Typography.Text>
                </Typography.Title>
                {s.note && <Typography.Paragraph type="secondary">{s.note}</Typography.Paragraph>}
                {s.items.length === 0 ? (
                  <Typography.Paragraph type="secondary">{t('无', 'None')}</Typography.Paragraph>
                ) : (
                  <ol style={{ paddingLeft: 20 }}>
                    {(s.items as Record<string, unknown>[]).map((it, k) => {
                      const line = itemLine(it, lang);
                      return (
                        <li key={k} style={{ marginBottom: 4 }}>
                          <div>{line.lead || '—'}</div>
                          {line.rest && <div style={{ fontSize: 12, color: '#595959' }}>{line.rest}</div>}
                        </li>
                      );
                    })}
                  </ol>
                )}
              </div>
            ))}
            <div className="print-only" style={{ marginTop: 24, fontSize: 11 }}>
              {reportNo} · {r.asOf}
            </div>
          </Card>
        )}
      </Spin>
    </>
  );
}
