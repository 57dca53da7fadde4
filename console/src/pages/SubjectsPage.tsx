import { useState } from 'react';
import { Button, Card, Form, Input, Select } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError, unwrap, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import { TierTag } from '../components/Tags';
import { IdentifierInput } from '../components/IdentifierInput';
import { PageHead } from '../components/PageHead';
import { PagedTable, useCursorPages } from '../components/Pager';
import { ProblemAlert } from '../components/ProblemAlert';
import { useLang } from '../i18n';
import { INDUSTRY, label, SUBJECT_KIND, TIER_INDUSTRIES, tierName, tiersOf } from '../lib/labels';
import { idNumberCheckOk, looksLikeIdNumber } from '../lib/pii';
import { mapProblemToForm, type Problem } from '../lib/problem';
import { useApi } from '../lib/useApi';

type Subject = Schemas['SubjectResponse'];
interface Filters {
  name?: string;
  code?: string;
  kind?: Subject['kind'];
  region?: string;
  industry?: Industry;
  tier?: Tier;
}
type SearchQuery = NonNullable<paths['/api/v1/subjects']['get']['parameters']['query']>;
type Industry = NonNullable<SearchQuery['industry']>;
type Tier = NonNullable<SearchQuery['tier']>;
const PAGE = 20;
const FIELDS = ['name', 'code', 'kind', 'region', 'industry', 'tier'];

/**
 * Subject search (主体查询): filters in a row above the table, server-side paging (cursor). A natural
 * person is found by ID number through the look-up form (the number goes in a request body, never a URL).
 */
export default function SubjectsPage() {
  const { t, lang } = useLang();
  const nav = useNavigate();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const { data, loading, problem } = useApi(
    () =>
      unwrap(
        api.GET('/api/v1/subjects', {
          params: { query: { ...clean(filters), limit: PAGE, ...(cursor ? { cursor } : {}) } },
        }),
      ).catch((e: unknown) => {
        if (e instanceof ApiError)
          form.setFields(
            mapProblemToForm(e.problem, (p) => p.length === 1 && FIELDS.includes(String(p[0]))).fields as never,
          );
        throw e;
      }),
    [filters, cursor],
  );
  const industry = Form.useWatch('industry', form);
  const [lookupForm] = Form.useForm<{ idNumber: string }>();
  const [lookupProblem, setLookupProblem] = useState<Problem | null>(null);
  const lookup = async ({ idNumber }: { idNumber: string }) => {
    setLookupProblem(null);
    try {
      const s = await unwrap(
        api.POST('/api/v1/subjects/lookup', { body: { idNumber: idNumber.trim().toUpperCase() } }),
      );
      void nav(`/subjects/${s.id}`);
    } catch (e) {
      if (e instanceof ApiError) setLookupProblem(e.problem);
      else throw e;
    }
  };

  return (
    <>
      <PageHead
        crumbs={[{ label: t('监管工作', 'Supervision') }, { label: t('主体查询', 'Subjects') }]}
        title={t('信用主体查询', 'Find a credit subject')}
      />
      <Card>
        <Form<Filters>
          form={form}
          layout="inline"
          onFinish={(v) => {
            pages.reset();
            setFilters(v);
          }}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="name" label={t('名称', 'Name')}>
            <Input
              allowClear
              placeholder={t('名称关键字', 'Part of the name')}
              data-testid="search-name"
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item name="code" label={t('统一社会信用代码', 'Credit code')}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="kind" label={t('主体类型', 'Kind')}>
            <Select
              allowClear
              style={{ width: 150 }}
              options={Object.keys(SUBJECT_KIND).map((k) => ({ value: k, label: label(SUBJECT_KIND, k, lang) }))}
            />
          </Form.Item>
          <Form.Item name="region" label={t('行政区划', 'Region')}>
            <Input allowClear style={{ width: 100 }} placeholder="500110" />
          </Form.Item>
          <Form.Item name="industry" label={t('行业', 'Industry')}>
            <Select
              allowClear
              data-testid="search-industry"
              style={{ width: 130 }}
              onChange={() => form.setFieldValue('tier', undefined)}
              options={TIER_INDUSTRIES.map((k) => ({ value: k, label: label(INDUSTRY, k, lang) }))}
            />
          </Form.Item>
          <Form.Item
            name="tier"
            label={t('信用等级', 'Credit tier')}
            tooltip={
              industry
                ? undefined
                : t('先选择行业：信用等级按行业评定', 'Choose an industry first: tiers are per industry')
            }
          >
            <Select
              allowClear
              disabled={!industry}
              data-testid="search-tier"
              style={{ width: 110 }}
              options={(industry ? tiersOf(industry) : []).map((x) => ({
                value: x,
                label: <TierTag tier={x} label={tierName(x, lang)} />,
              }))}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" data-testid="search">
              {t('查询', 'Search')}
            </Button>
          </Form.Item>
        </Form>
        <PagedTable<Subject, string>
          problem={problem}
          loading={loading}
          items={data?.items}
          pages={pages}
          next={data?.nextCursor}
          testId="subjects-table"
          empty={t(
            '没有符合条件的主体：请放宽条件，或按身份证号查询自然人。',
            'No subject matches: widen the filters, or look a natural person up by ID number.',
          )}
          rowKey="id"
          columns={[
            {
              title: t('名称', 'Name'),
              dataIndex: 'name',
              fixed: 'left',
              render: (v: string, s) => <Link to={`/subjects/${s.id}`}>{v}</Link>,
            },
            { title: t('主体类型', 'Kind'), dataIndex: 'kind', render: (v: string) => label(SUBJECT_KIND, v, lang) },
            {
              title: t('统一社会信用代码 / 身份证号', 'Credit code / ID number'),
              key: 'id',
              render: (_: unknown, s) => s.code ?? s.idMasked ?? '—',
            },
            { title: t('行政区划', 'Region'), dataIndex: 'region', render: (v: string | null) => v ?? '—' },
            {
              title: t('成立日期', 'Registered on'),
              dataIndex: 'registeredOn',
              render: (v: string | null) => v ?? '—',
            },
            // Every row of a tier-filtered answer holds that tier (当前信用等级, as last stored).
            ...(filters.industry && filters.tier
              ? [
                  {
                    title: `${t('信用等级', 'Credit tier')}（${label(INDUSTRY, filters.industry, lang)}）`,
                    key: 'tier',
                    render: () => <TierTag tier={filters.tier!} label={tierName(filters.tier!, lang)} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card style={{ marginTop: 16 }} title={t('按身份证号查询自然人', 'Look a natural person up by ID number')}>
        <ProblemAlert problem={lookupProblem} />
        <Form form={lookupForm} layout="inline" onFinish={(v) => void lookup(v)}>
          <Form.Item
            name="idNumber"
            label={t('身份证号', 'ID number')}
            validateTrigger="onBlur"
            rules={[
              {
                validator: (_: unknown, v: string | undefined) =>
                  v && looksLikeIdNumber(v) && (v.trim().length === 15 || idNumberCheckOk(v))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('请输入有效的身份证号', 'Enter a valid resident ID number'))),
              },
            ]}
          >
            <IdentifierInput testId="lookup-id" />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">{t('查询', 'Look up')}</Button>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}

function clean(f: Filters): Filters {
  return Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => v !== undefined && v !== null && String(v).trim() !== '')
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
  ) as Filters;
}
