import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { TierTag } from '../../components/Tags';
import { useLang } from '../../i18n';

type Explanation = Schemas['PackExplanationDto'];
type Condition = Schemas['ConditionTraceDto'];

/** json-rules-engine's operators as an officer reads them. */
const OPS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: '∈',
  notIn: '∉',
  contains: '包含 contains',
  doesNotContain: '不包含 excludes',
};

const show = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? `[${v.map(String).join(', ')}]` : String(v));

/** The trace of an explanation: the result, then every rule (fired first) with every condition. */
export function ExplainTrace({
  result,
  facts,
}: {
  result: Explanation;
  facts: Map<string, Schemas['FactDefinitionDto']>;
}) {
  const { t, lang } = useLang();
  const rules = [...result.rules].sort((a, b) => Number(b.fired) - Number(a.fired));
  return (
    <div data-testid="explain-result">
      <Descriptions bordered size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('版本', 'Version')}>v{result.version}</Descriptions.Item>
        <Descriptions.Item label={t('信用分', 'Score')}>
          <span data-testid="explain-score">{result.score}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('信用等级', 'Tier')}>
          <TierTag
            tier={result.tier}
            label={lang === 'zh' ? result.evaluation.tierLabelZh : result.evaluation.tierLabel}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('触发规则', 'Rules fired')}>
          {result.evaluation.fired.length === 0
            ? '—'
            : result.evaluation.fired.map((f) => <Tag key={f.rule}>{f.rule}</Tag>)}
        </Descriptions.Item>
      </Descriptions>
      <Space direction="vertical" style={{ width: '100%' }}>
        {rules.map((r) => (
          <Card
            key={r.rule}
            size="small"
            data-testid={`trace-${r.rule}`}
            title={
              <Space>
                <Typography.Text code>{r.rule}</Typography.Text>
                {r.fired ? <Tag color="red">{t('已触发', 'Fired')}</Tag> : <Tag>{t('未触发', 'Not fired')}</Tag>}
              </Space>
            }
          >
            <Table<Condition>
              rowKey="path"
              size="small"
              pagination={false}
              dataSource={r.conditions}
              columns={[
                {
                  title: t('条件位置', 'Condition'),
                  dataIndex: 'path',
                  width: 120,
                  render: (v: string) => <code>{v}</code>,
                },
                {
                  title: t('事实', 'Fact'),
                  dataIndex: 'fact',
                  render: (v: string) => (
                    <span>
                      <code>{v}</code> <Typography.Text type="secondary">{facts.get(v)?.descriptionZh}</Typography.Text>
                    </span>
                  ),
                },
                { title: t('事实值', 'Value'), dataIndex: 'factValue', render: show },
                { title: t('运算', 'Operator'), dataIndex: 'operator', render: (v: string) => OPS[v] ?? v },
                {
                  title: t('期望值', 'Expected'),
                  dataIndex: 'expected',
                  render: (v: unknown, c) => `${show(v)}${c.expectedFact ? ` (${c.expectedFact})` : ''}`,
                },
                {
                  title: t('结果', 'Held'),
                  dataIndex: 'passed',
                  render: (v: boolean) =>
                    v ? <Tag color="green">✓ {t('满足', 'held')}</Tag> : <Tag>✗ {t('不满足', 'not held')}</Tag>,
                },
              ]}
            />
          </Card>
        ))}
      </Space>
    </div>
  );
}
