import { useState } from 'react';
import { Alert, Button, Space, Statistic, Table, Tag, Typography } from 'antd';
import { api, unwrap, ApiError, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TierTag } from '../../components/Tags';
import { useLang } from '../../i18n';
import type { Problem } from '../../lib/problem';
import type { Draft } from '../PackPage';

type Run = Schemas['CasesRunDto'];
type Case = Schemas['CaseResultDto'];
type Outcome = Schemas['CaseOutcomeDto'];

/** An outcome, or none (null): the case's subject is outside the industry (行业外), so it has no tier. */
function OutcomeCell({ o, other }: { o: Outcome | null; other?: Outcome | null }) {
  const { t } = useLang();
  if (o === null)
    return (
      <Tag style={other !== undefined ? { background: '#fff1f0' } : undefined}>
        {t('行业外（无等级）', 'Outside the industry (no tier)')}
      </Tag>
    );
  const differs = (k: keyof Outcome) =>
    other !== undefined && (other === null || JSON.stringify(o[k]) !== JSON.stringify(other[k]));
  const mark = (k: keyof Outcome) => (differs(k) ? { background: '#fff1f0', padding: '0 2px' } : undefined);
  return (
    <Space size={4} wrap>
      <span style={mark('tier')}>
        <TierTag tier={o.tier} />
      </span>
      <span style={mark('score')}>{o.score}</span>
      <span style={mark('fired')}>
        {o.fired.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          o.fired.map((r) => <Tag key={r}>{r}</Tag>)
        )}
      </span>
    </Space>
  );
}

/** Golden cases (黄金用例) of the pack run against the saved draft (POST /packs/{id}/draft/cases): pass or fail per case. */
export function CasesTab({ id, draft, disabled }: { id: string; draft: Draft; disabled: boolean }) {
  const { t } = useLang();
  const [run, setRun] = useState<Run | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  if (disabled)
    return (
      <Alert
        type="info"
        showIcon
        title={t('措施包的用例请用 npm run packs:test 运行。', 'Run the measures’ cases with npm run packs:test.')}
      />
    );
  const go = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setRun(await unwrap(api.POST('/api/v1/packs/{id}/draft/cases', { params: { path: { id } }, body: {} })));
    } catch (e) {
      setRun(null);
      setProblem(e instanceof ApiError ? e.problem : { title: String(e), status: 0 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button type="primary" onClick={() => void go()} loading={busy} data-testid="run-cases">
          {t('运行黄金用例', 'Run the golden cases')}
        </Button>
        <Typography.Text type="secondary">
          {t(
            `针对已保存的草稿（修订号 ${draft.revision}）；未保存的修改不参与。`,
            `Against the saved draft (revision ${draft.revision}); unsaved edits are not run.`,
          )}
        </Typography.Text>
      </Space>
      <ProblemAlert problem={problem} />
      {run && (
        <div data-testid="cases-result">
          <Space size="large" style={{ marginBottom: 16 }}>
            <Statistic title={t('用例', 'Cases')} value={run.total} />
            <Statistic title={t('通过', 'Passed')} value={run.passed} valueStyle={{ color: '#389e0d' }} />
            <Statistic
              title={t('未通过', 'Failed')}
              value={run.failed}
              valueStyle={{ color: run.failed ? '#cf1322' : undefined }}
            />
            <Statistic title={t('规则覆盖', 'Rules covered')} value={`${run.rules.fired} / ${run.rules.total}`} />
          </Space>
          {run.rules.unreached.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`${t('没有用例触发的规则', 'Rules no case fires')}: ${run.rules.unreached.join(', ')}`}
            />
          )}
          <Table<Case>
            rowKey="name"
            size="small"
            pagination={false}
            dataSource={run.cases}
            rowClassName={(c) => (c.passed ? '' : 'case-failed')}
            columns={[
              {
                title: t('结果', 'Result'),
                dataIndex: 'passed',
                width: 90,
                render: (v: boolean) =>
                  v ? <Tag color="green">{t('通过', 'Pass')}</Tag> : <Tag color="red">{t('未通过', 'Fail')}</Tag>,
              },
              { title: t('用例', 'Case'), dataIndex: 'name' },
              {
                title: t('预期（等级 分数 触发规则）', 'Expected (tier, score, rules)'),
                key: 'e',
                render: (_: unknown, c) => <OutcomeCell o={c.expected} />,
              },
              {
                title: t('实际', 'Actual'),
                key: 'a',
                render: (_: unknown, c) => <OutcomeCell o={c.actual} other={c.passed ? undefined : c.expected} />,
              },
            ]}
          />
        </div>
      )}
    </>
  );
}
