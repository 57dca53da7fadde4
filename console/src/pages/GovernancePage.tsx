import { useState } from 'react';
import { Card, Tabs } from 'antd';
import { PageHead } from '../components/PageHead';
import { useLang } from '../i18n';
import { useSession } from '../session';
import { EntriesTab } from './governance/EntriesTab';
import { ProposalsTab } from './governance/ProposalsTab';
import { PublicBodiesTab } from './governance/PublicBodiesTab';
import { StatisticsTab } from './governance/StatisticsTab';

/**
 * The special governance ledger (专项治理台账) of "屡禁不止、屡罚不改" subjects, for the credit office: proposals
 * (建议对象) to accept or decline, the ledger with its exits, the exit rate per department (退出率) and the public
 * bodies on the 失信被执行人 list with their 整改到位率. Reading needs `repair`; deciding needs an admin key.
 */
export default function GovernancePage() {
  const { t } = useLang();
  const canDecide = (useSession().me?.scopes ?? []).includes('admin');
  const [tab, setTab] = useState('proposals');
  const [tick, setTick] = useState(0);
  const changed = () => setTick((n) => n + 1);
  return (
    <>
      <PageHead
        crumbs={[{ label: t('信用信息', 'Credit information') }, { label: t('专项治理', 'Special governance') }]}
        title={t('“屡禁不止、屡罚不改”专项治理台账', 'Special governance ledger (屡禁不止、屡罚不改)')}
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            {
              key: 'proposals',
              label: <span data-testid="tab-proposals">{t('建议对象', 'Proposals')}</span>,
              children: <ProposalsTab canDecide={canDecide} onChanged={changed} />,
            },
            {
              key: 'entries',
              label: <span data-testid="tab-entries">{t('治理台账', 'Ledger')}</span>,
              children: <EntriesTab canDecide={canDecide} tick={tick} onChanged={changed} />,
            },
            {
              key: 'statistics',
              label: <span data-testid="tab-statistics">{t('退出率统计', 'Exit rate')}</span>,
              children: <StatisticsTab tick={tick} />,
            },
            {
              key: 'public-bodies',
              label: <span data-testid="tab-public-bodies">{t('事业单位失信被执行人', 'Public-body defaulters')}</span>,
              children: <PublicBodiesTab />,
            },
          ]}
        />
      </Card>
    </>
  );
}
