import { useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api, ApiError, unwrap, type Schemas } from '../api/client';
import { PageHead } from '../components/PageHead';
import { ProblemAlert } from '../components/ProblemAlert';
import { IdentifierInput } from '../components/IdentifierInput';
import { useLang } from '../i18n';
import { ROLES, SCENARIOS } from '../lib/labels';
import { creditCodeOk, idNumberCheckOk, looksLikeIdNumber } from '../lib/pii';
import { mapProblemToForm, type Problem } from '../lib/problem';
import { CheckResult } from './CheckResult';
import { useSession } from '../session';

interface PartyRow {
  role: string;
  identifier: string;
  name?: string;
}
interface CheckForm {
  scenario: string;
  reference: string;
  kind?: string;
  amount?: number;
  operator: string;
  parties: PartyRow[];
}

/** The API's field names → the form's (a party's code or idNumber both live in `identifier`). */
function toFormPath(path: (string | number)[]): (string | number)[] {
  if (path[0] === 'transaction' && typeof path[1] === 'string')
    return [path[1] === 'reference' ? 'reference' : path[1]];
  if (path[0] === 'parties' && typeof path[1] === 'number' && (path[2] === 'code' || path[2] === 'idNumber'))
    return ['parties', path[1], 'identifier'];
  return path;
}
const FORM_FIELDS = new Set(['scenario', 'reference', 'kind', 'amount', 'operator']);

/**
 * 逢办必查 by hand (窗口核查): a window clerk checks the parties of a transaction, reads each verdict with
 * its measures, legal basis and triggering records, then reports what was applied.
 */
export default function CheckPage() {
  const { t, lang } = useLang();
  const [form] = Form.useForm<CheckForm>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [answer, setAnswer] = useState<Schemas['CheckAnswerDto'] | null>(null);
  const { me } = useSession();
  // Only the scenarios this key may check (the service answers 403 SCENARIO_FORBIDDEN for the others).
  const granted =
    me?.scopes.includes('admin') || me?.scenarios.includes('*')
      ? SCENARIOS
      : SCENARIOS.filter((s) => me?.scenarios.includes(s.code));

  const submit = async (v: CheckForm) => {
    setBusy(true);
    setProblem(null);
    setAnswer(null);
    const body: Schemas['CheckRequestDto'] = {
      scenario: v.scenario,
      transaction: {
        reference: v.reference.trim(),
        ...(v.kind ? { kind: v.kind } : {}),
        ...(v.amount !== undefined && v.amount !== null ? { amount: v.amount } : {}),
      },
      operator: v.operator.trim(),
      parties: v.parties.map((p) => {
        const id = p.identifier.trim().toUpperCase();
        return {
          role: p.role as Schemas['CheckPartyDto']['role'],
          ...(looksLikeIdNumber(id) ? { idNumber: id } : { code: id }),
          ...(p.name ? { name: p.name.trim() } : {}),
        };
      }),
    };
    try {
      const res = await unwrap(
        api.POST('/api/v1/checks', { body, params: { header: { 'idempotency-key': crypto.randomUUID() } } }),
      );
      setAnswer(res);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const mapped = mapProblemToForm(e.problem, (p) => {
        const f = toFormPath(p);
        return (f.length === 1 && FORM_FIELDS.has(String(f[0]))) || (f[0] === 'parties' && f.length === 3);
      });
      form.setFields(mapped.fields.map((f) => ({ name: toFormPath(f.name) as never, errors: f.errors })));
      setProblem(e.problem);
    } finally {
      setBusy(false);
    }
  };

  const identifierRule = {
    validator: (_: unknown, value: string | undefined) => {
      const v = (value ?? '').trim();
      if (!v)
        return Promise.reject(new Error(t('请输入统一社会信用代码或身份证号', 'Enter a credit code or an ID number')));
      if (looksLikeIdNumber(v))
        return v.length === 15 || idNumberCheckOk(v)
          ? Promise.resolve()
          : Promise.reject(new Error(t('身份证号校验位不正确', 'The ID number’s check character is wrong')));
      return creditCodeOk(v)
        ? Promise.resolve()
        : Promise.reject(
            new Error(
              t(
                '统一社会信用代码不正确（18位，含校验位）',
                'Not a valid unified social credit code (18 characters with its check character)',
              ),
            ),
          );
    },
  };

  return (
    <>
      <PageHead
        crumbs={[{ label: t('逢办必查', 'Inline checks') }, { label: t('核查办理', 'Check a transaction') }]}
        title={t('逢办必查 · 核查办理', 'Check the parties of a transaction')}
      />
      <Card>
        <Form<CheckForm>
          form={form}
          layout="horizontal"
          labelCol={{ flex: '130px' }}
          labelWrap
          requiredMark
          initialValues={{ scenario: granted[0]?.code, parties: [{ role: 'bidder', identifier: '' }] }}
          onFinish={(v) => void submit(v)}
          data-testid="check-form"
        >
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="scenario"
                label={t('应用场景', 'Scenario')}
                rules={[{ required: true, message: t('请选择应用场景', 'Choose a scenario') }]}
              >
                <Select
                  data-testid="scenario"
                  options={granted.map((s) => ({ value: s.code, label: lang === 'zh' ? s.zh : `${s.en} ${s.zh}` }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="reference"
                label={t('业务编号', 'Reference')}
                rules={[
                  { required: true, whitespace: true, message: t('请输入业务编号', 'Enter the transaction reference') },
                  { max: 128, message: t('业务编号最多128个字符', 'At most 128 characters') },
                ]}
              >
                <Input placeholder="QJZB-2026-0412" data-testid="reference" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="kind" label={t('业务类型', 'Kind')}>
                <Input placeholder={t('如：工程施工招标', 'e.g. works tender')} maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="amount" label={t('金额（元）', 'Amount (yuan)')}>
                <InputNumber<number>
                  min={0}
                  style={{ width: '100%' }}
                  formatter={(v) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}
                  parser={(v) => Number((v ?? '').replace(/,/g, ''))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="operator"
                label={t('经办人', 'Operator')}
                rules={[
                  { required: true, whitespace: true, message: t('请输入经办人', 'Enter the operator') },
                  { max: 100, message: t('最多100个字符', 'At most 100 characters') },
                ]}
              >
                <Input data-testid="operator" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('当事人', 'Parties')}</Typography.Title>
          <Form.List name="parties">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Row gutter={8} key={f.key} align="top" data-testid={`party-${i}`}>
                    <Col span={5}>
                      <Form.Item name={[f.name, 'role']} rules={[{ required: true }]}>
                        <Select
                          options={ROLES.map((r) => ({ value: r.code, label: lang === 'zh' ? r.zh : r.en }))}
                          aria-label={t('角色', 'Role')}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={10}>
                      <Form.Item name={[f.name, 'identifier']} rules={[identifierRule]} validateTrigger="onBlur">
                        <IdentifierInput
                          placeholder={t('统一社会信用代码 或 身份证号', 'Credit code or ID number')}
                          testId={`party-${i}-identifier`}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={7}>
                      <Form.Item
                        name={[f.name, 'name']}
                        rules={[{ max: 200, message: t('最多200个字符', 'At most 200 characters') }]}
                      >
                        <Input placeholder={t('名称（可选）', 'Name (optional)')} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      {fields.length > 1 && (
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          onClick={() => remove(f.name)}
                          aria-label={t('删除', 'Remove')}
                        />
                      )}
                    </Col>
                  </Row>
                ))}
                <Button
                  type="dashed"
                  onClick={() => add({ role: 'bidder', identifier: '' })}
                  icon={<PlusOutlined />}
                  disabled={fields.length >= 200}
                  data-testid="add-party"
                >
                  {t('添加当事人', 'Add a party')}
                </Button>
              </>
            )}
          </Form.List>
          <Space style={{ marginTop: 16, display: 'flex', justifyContent: 'flex-end' }}>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="run-check">
              {t('核查', 'Check')}
            </Button>
          </Space>
        </Form>
      </Card>
      <ProblemAlert problem={problem} style={{ marginTop: 16 }} />
      {answer && <CheckResult answer={answer} operator={form.getFieldValue('operator') as string} />}
    </>
  );
}
