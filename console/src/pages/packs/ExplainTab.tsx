import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { api, unwrap, ApiError, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLang } from '../../i18n';
import type { Problem } from '../../lib/problem';
import { useApi } from '../../lib/useApi';
import { ExplainTrace } from './ExplainTrace';

type Fact = Schemas['FactDefinitionDto'];
type FactValue = number | string | boolean | null;
interface Row {
  name?: string;
  value?: FactValue;
}

function ValueInput({ fact, value, onChange }: { fact?: Fact; value?: FactValue; onChange?(v: FactValue): void }) {
  if (!fact) return <Input disabled />;
  if (fact.type === 'boolean') return <Switch checked={value === true} onChange={(v) => onChange?.(v)} />;
  if (fact.type === 'number')
    return (
      <InputNumber
        style={{ width: 160 }}
        value={value as number | null}
        onChange={(v) => onChange?.(v)}
        data-testid="fact-value"
      />
    );
  if (fact.values)
    return (
      <Select
        style={{ width: 160 }}
        value={value as string}
        onChange={onChange}
        options={fact.values.map((v) => ({ value: v, label: v }))}
      />
    );
  return <Input style={{ width: 160 }} value={(value as string) ?? ''} onChange={(e) => onChange?.(e.target.value)} />;
}

/**
 * Explain (规则解释): a set of facts (those left out take the catalogue's default) evaluated by the pack in
 * force (POST /packs/{id}/evaluate), and every condition of every rule with its fact value, operator, expected
 * value and whether it held.
 */
export function ExplainTab({ id, disabled }: { id: string; disabled: boolean }) {
  const { t } = useLang();
  const [form] = Form.useForm<{ facts: Row[] }>();
  const facts = useApi(() => unwrap(api.GET('/api/v1/facts')), []);
  const byName = new Map((facts.data?.items ?? []).map((f) => [f.name, f]));
  const [result, setResult] = useState<Schemas['PackExplanationDto'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const rows = Form.useWatch('facts', form) ?? [];

  if (disabled) return <Alert type="info" showIcon title={t('措施包不适用规则解释。', 'Explain is for tier packs.')} />;

  const run = async ({ facts: list }: { facts: Row[] }) => {
    const body: Record<string, FactValue> = {};
    for (const r of list ?? []) if (r.name) body[r.name] = r.value ?? null;
    setBusy(true);
    setProblem(null);
    try {
      setResult(
        await unwrap(
          api.POST('/api/v1/packs/{id}/evaluate', { params: { path: { id } }, body: { facts: body as never } }),
        ),
      );
    } catch (e) {
      setResult(null);
      setProblem(e instanceof ApiError ? e.problem : { title: String(e), status: 0 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Card
        size="small"
        title={t('事实取值（未填写的取目录默认值）', 'Facts (those left out take their default)')}
        style={{ marginBottom: 16 }}
      >
        <ProblemAlert problem={facts.problem} />
        <Form
          form={form}
          layout="inline"
          onFinish={(v) => void run(v)}
          initialValues={{ facts: [{}] }}
          data-testid="explain-form"
        >
          <Form.List name="facts">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f) => {
                  const fact = byName.get(rows[f.name]?.name ?? '');
                  return (
                    <Space key={f.key} wrap>
                      <Form.Item name={[f.name, 'name']} style={{ margin: 0 }}>
                        <Select
                          showSearch
                          style={{ width: 360 }}
                          placeholder={t('选择事实', 'Choose a fact')}
                          data-testid="fact-name"
                          optionFilterProp="label"
                          onChange={(n: string) =>
                            form.setFieldValue(['facts', f.name, 'value'], byName.get(n)?.default ?? null)
                          }
                          options={(facts.data?.items ?? []).map((x) => ({
                            value: x.name,
                            label: `${x.name} · ${x.descriptionZh}`,
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'value']} style={{ margin: 0 }}>
                        <ValueInput fact={fact} />
                      </Form.Item>
                      <Button onClick={() => remove(f.name)}>{t('移除', 'Remove')}</Button>
                    </Space>
                  );
                })}
                <Space>
                  <Button onClick={() => add({})}>{t('添加事实', 'Add a fact')}</Button>
                  <Button type="primary" htmlType="submit" loading={busy} data-testid="explain-run">
                    {t('解释', 'Explain')}
                  </Button>
                </Space>
              </Space>
            )}
          </Form.List>
        </Form>
      </Card>
      <ProblemAlert problem={problem} />
      {result && <ExplainTrace result={result} facts={byName} />}
    </>
  );
}
