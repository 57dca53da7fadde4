import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, ApiError, unwrap, type Schemas } from '../api/client';
import { EffectTag, LegalBasisList, TierTag, VerdictTag } from '../components/Tags';
import { ProblemAlert } from '../components/ProblemAlert';
import { useLang } from '../i18n';
import { admits } from '../lib/access';
import { INDUSTRY, label, LIST_TYPE, RECORD_TYPE, ROLES } from '../lib/labels';

const ROLE_LABELS = Object.fromEntries(ROLES.map((r) => [r.code, r]));
import type { Problem } from '../lib/problem';
import { useSession } from '../session';
import { cstDateTime } from '../lib/dates';

type Answer = Schemas['CheckAnswerDto'];
type Party = Schemas['CheckPartyResultDto'];
type Measure = Schemas['CheckMeasureDto'];
interface Decision {
  applied?: boolean;
  reason?: string;
  outcome?: string;
}

/** The verdict of each party, its measures with legal basis and records, and the feedback form. */
export function CheckResult({ answer, operator }: { answer: Answer; operator: string }) {
  const { t, lang } = useLang();
  const { me } = useSession();
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sent, setSent] = useState<Schemas['FeedbackRowDto'][] | null>(null);
  const [busy, setBusy] = useState(false);
  const canFeedback = admits(me?.scopes ?? [], ['feedback']);
  const measures = answer.parties.flatMap((p) => p.measures.map((m) => ({ party: p.index, code: m.code })));
  const keyOf = (party: number, code: string) => `${party}:${code}`;
  const set = (k: string, d: Decision) => setDecisions((prev) => ({ ...prev, [k]: { ...prev[k], ...d } }));

  const missing = measures.filter((m) => {
    const d = decisions[keyOf(m.party, m.code)];
    return !d || d.applied === undefined || (d.applied === false && !d.reason?.trim());
  });

  const sendFeedback = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const items = measures.map((m) => {
        const d = decisions[keyOf(m.party, m.code)]!;
        return {
          partyIndex: m.party,
          measure: m.code,
          applied: d.applied!,
          ...(d.applied ? {} : { reason: d.reason!.trim() }),
          ...(d.outcome?.trim() ? { outcome: d.outcome.trim() } : {}),
        };
      });
      await unwrap(
        api.POST('/api/v1/checks/{id}/feedback', {
          params: { path: { id: answer.checkId } },
          body: { operator, items },
        }),
      );
      const list = await unwrap(api.GET('/api/v1/checks/{id}/feedback', { params: { path: { id: answer.checkId } } }));
      setSent(list.items);
    } catch (e) {
      if (e instanceof ApiError) setProblem(e.problem);
      else throw e;
    } finally {
      setBusy(false);
    }
  };

  const measureColumns = (party: Party) => [
    {
      title: t('措施', 'Measure'),
      key: 'name',
      width: 220,
      render: (_: unknown, m: Measure) => (
        <Space direction="vertical" size={2}>
          <span>
            <EffectTag effect={m.effect} /> {lang === 'zh' ? m.nameZh : m.name}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {lang === 'zh' ? m.descriptionZh : m.description}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('原因', 'Reason'),
      key: 'reason',
      render: (_: unknown, m: Measure) => (lang === 'zh' ? m.reasonZh : m.reason),
    },
    {
      title: t('法律依据', 'Legal basis'),
      key: 'basis',
      render: (_: unknown, m: Measure) => <LegalBasisList basis={m.legalBasis} />,
    },
    {
      title: t('记录来源', 'Triggering records'),
      key: 'records',
      render: (_: unknown, m: Measure) =>
        m.triggeredBy.length ? (
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {m.triggeredBy.map((r) => (
              <li key={r.id}>
                {r.type === 'list_entry' && r.listType
                  ? label(LIST_TYPE, r.listType, lang)
                  : label(RECORD_TYPE, r.type, lang)}{' '}
                {r.decisionNumber ?? ''} · {r.source} · {r.decisionDate}
                {r.publicityEnd ? ` → ${r.publicityEnd}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          '—'
        ),
    },
    ...(canFeedback && !sent
      ? [
          {
            title: t('是否采取', 'Applied?'),
            key: 'feedback',
            width: 230,
            render: (_: unknown, m: Measure) => {
              const k = keyOf(party.index, m.code);
              const d = decisions[k] ?? {};
              return (
                <Space
                  direction="vertical"
                  size={4}
                  style={{ width: '100%' }}
                  data-testid={`feedback-${party.index}-${m.code}`}
                >
                  <Radio.Group value={d.applied} onChange={(e) => set(k, { applied: e.target.value as boolean })}>
                    <Radio value={true}>{t('已采取', 'Applied')}</Radio>
                    <Radio value={false}>{t('未采取', 'Not applied')}</Radio>
                  </Radio.Group>
                  {d.applied === false && (
                    <Input.TextArea
                      rows={2}
                      placeholder={t('未采取的理由（必填）', 'Why not (required)')}
                      value={d.reason}
                      status={d.reason?.trim() ? undefined : 'error'}
                      onChange={(e) => set(k, { reason: e.target.value })}
                    />
                  )}
                  <Input
                    size="small"
                    placeholder={t('处理结果（可选）', 'Outcome (optional)')}
                    value={d.outcome}
                    onChange={(e) => set(k, { outcome: e.target.value })}
                  />
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <div data-testid="check-result" style={{ marginTop: 16 }}>
      <Card
        title={
          <Space>
            {t('核查结论', 'Verdict')} <VerdictTag verdict={answer.verdict} />
          </Space>
        }
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('核查编号', 'Check')} {answer.checkId}
          </Typography.Text>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('业务编号', 'Reference')}>{answer.transaction.reference}</Descriptions.Item>
          <Descriptions.Item label={t('核查时间', 'Checked at')}>{cstDateTime(answer.checkedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('数据截至', 'Records as of')}>{answer.asOf}</Descriptions.Item>
          <Descriptions.Item label={t('审计回执', 'Audit receipt')} span={3}>
            #{answer.audit.seq} · {answer.audit.algorithm.toUpperCase()}{' '}
            <code style={{ fontSize: 11 }}>{answer.audit.hash.slice(0, 32)}…</code>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {answer.parties.map((p) => (
        <Card
          key={p.index}
          size="small"
          style={{ marginTop: 12 }}
          data-testid={`party-result-${p.index}`}
          title={
            <Space wrap>
              <VerdictTag verdict={p.verdict} />
              <span>{p.name ?? t('未登记主体', 'Unknown subject')}</span>
              <Typography.Text type="secondary">{p.identifier.code ?? p.identifier.idNumberMasked}</Typography.Text>
              <Tag>{label(ROLE_LABELS, p.role, lang)}</Tag>
            </Space>
          }
          extra={
            p.subjectId && admits(me?.scopes ?? [], ['subjects']) ? (
              <Link to={`/subjects/${p.subjectId}`}>{t('主体详情', 'Subject page')}</Link>
            ) : null
          }
        >
          <Typography.Paragraph>{p.statement}</Typography.Paragraph>
          <Space wrap style={{ marginBottom: 8 }}>
            {p.tiers.map((tr) => (
              <span key={tr.industry}>
                {label(INDUSTRY, tr.industry, lang)} <TierTag tier={tr.tier} />
              </span>
            ))}
            <Typography.Text type="secondary">
              {t('有效信用记录', 'Records in force')}: {p.recordsInForce}
            </Typography.Text>
          </Space>
          {p.measures.length > 0 ? (
            <Table<Measure>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={p.measures}
              columns={measureColumns(p)}
              scroll={{ x: 900 }}
            />
          ) : (
            <Typography.Text type="secondary">{t('无适用措施。', 'No measure applies.')}</Typography.Text>
          )}
        </Card>
      ))}
      {measures.length > 0 && canFeedback && (
        <Card size="small" style={{ marginTop: 12 }} title={t('结果反馈', 'Feedback')}>
          <ProblemAlert problem={problem} />
          {sent ? (
            <Alert
              type="success"
              showIcon
              data-testid="feedback-sent"
              title={t(`已反馈 ${sent.length} 项措施`, `${sent.length} measures reported`)}
              description={sent
                .map(
                  (r) =>
                    `${r.partyIndex + 1}. ${r.measure}: ${r.applied ? t('已采取', 'applied') : `${t('未采取', 'not applied')}（${r.reason}）`}`,
                )
                .join('；')}
            />
          ) : (
            <Space>
              <Button
                type="primary"
                disabled={missing.length > 0}
                loading={busy}
                onClick={() => void sendFeedback()}
                data-testid="send-feedback"
              >
                {t('提交反馈', 'Send feedback')}
              </Button>
              {missing.length > 0 && (
                <Typography.Text type="secondary">
                  {t(
                    `还有 ${missing.length} 项措施未选择或缺少理由`,
                    `${missing.length} measures still need a choice or a reason`,
                  )}
                </Typography.Text>
              )}
            </Space>
          )}
        </Card>
      )}
      {measures.length === 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={t('无适用措施，无需反馈。', 'No measure applies: nothing to report back.')}
        />
      )}
    </div>
  );
}
