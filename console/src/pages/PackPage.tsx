import { useState } from 'react';
import { Descriptions, Space, Spin, Tabs, Tag } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../api/client';
import { PageHead } from '../components/PageHead';
import { ProblemAlert } from '../components/ProblemAlert';
import { TierTag } from '../components/Tags';
import { useLang } from '../i18n';
import { INDUSTRY, label } from '../lib/labels';
import { useApi } from '../lib/useApi';
import { DraftTab } from './packs/DraftTab';
import { ExplainTab } from './packs/ExplainTab';
import { CasesTab } from './packs/CasesTab';
import { SimulateTab } from './packs/SimulateTab';
import { VersionsTab } from './packs/VersionsTab';

export type Draft = Schemas['DraftViewDto'];

/**
 * One rule pack's workbench (规则包工作台) for a rule author: edit the draft with inline diagnostics, explain
 * an evaluation, run the golden cases, simulate the draft on today's subjects, publish with a reason, compare
 * versions and roll back. The tab is kept in the address (`?tab=`), so a link opens the same view.
 */
export default function PackPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'draft';
  const tierPack = id !== 'measures';
  // The measures (联合奖惩措施) are a pack of the authoring API but not a tier pack: no summary to show.
  const pack = useApi(
    async () => (tierPack ? unwrap(api.GET('/api/v1/packs/{id}', { params: { path: { id } } })) : null),
    [id],
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const [tick, setTick] = useState(0);
  const loaded = useApi(async () => {
    const d = await unwrap(api.GET('/api/v1/packs/{id}/draft', { params: { path: { id } } }));
    setDraft(d);
    return d;
  }, [id, tick]);
  const reloadDraft = () => setTick((n) => n + 1);
  const p = pack.data;
  const name = p ? (lang === 'zh' ? p.nameZh : p.name) : tierPack ? id : t('联合奖惩措施', 'Joint measures');
  return (
    <>
      <PageHead
        crumbs={[{ label: t('规则管理', 'Rules') }, { label: t('规则包', 'Rule packs'), to: '/packs' }, { label: id }]}
        title={`${name} (${id})`}
      />
      <ProblemAlert problem={pack.problem ?? loaded.problem} />
      {p && (
        <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 8 }} data-testid="pack-summary">
          <Descriptions.Item label={t('行业', 'Industry')}>{label(INDUSTRY, p.industry, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('生效版本', 'Version in force')}>
            v{p.version} · #{p.versionSeq}
          </Descriptions.Item>
          <Descriptions.Item label={t('草稿修订号', 'Draft revision')}>
            <span data-testid="draft-revision">{draft?.revision ?? '…'}</span>{' '}
            {draft &&
              (draft.revision === 0 ? (
                <Tag>{t('未保存草稿（即生效版本）', 'No draft saved (the version in force)')}</Tag>
              ) : draft.valid ? (
                <Tag color="green">{t('可发布', 'Publishable')}</Tag>
              ) : (
                <Tag color="red">{t('有问题', 'Has findings')}</Tag>
              ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('信用等级', 'Tiers')}>
            <Space size={2}>
              {p.tiers.map((x) => (
                <TierTag key={x.tier} tier={x.tier} />
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      )}
      {!draft ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            {
              key: 'draft',
              label: t('草稿编辑', 'Draft'),
              children: (
                <DraftTab
                  key={`${id}:${tick}`}
                  id={id}
                  draft={draft}
                  tierPack={tierPack}
                  onSaved={setDraft}
                  onReload={reloadDraft}
                />
              ),
            },
            { key: 'explain', label: t('规则解释', 'Explain'), children: <ExplainTab id={id} disabled={!tierPack} /> },
            {
              key: 'cases',
              label: t('黄金用例', 'Golden cases'),
              children: <CasesTab id={id} draft={draft} disabled={!tierPack} />,
            },
            {
              key: 'simulate',
              label: t('影响模拟', 'Simulate'),
              children: <SimulateTab id={id} draft={draft} tierPack={tierPack} />,
            },
            {
              key: 'versions',
              label: t('版本与发布', 'Versions & publish'),
              children: (
                <VersionsTab
                  id={id}
                  draft={draft}
                  onChanged={() => {
                    pack.reload();
                    reloadDraft();
                  }}
                />
              ),
            },
          ]}
        />
      )}
    </>
  );
}
