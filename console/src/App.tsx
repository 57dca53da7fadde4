import { lazy, Suspense } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useLang } from './i18n';
import { homePath } from './lib/access';
import { useSession } from './session';
import { Shell } from './Shell';
import { SignIn } from './pages/SignIn';
import { NoPages } from './pages/NoPages';

// Each page in its own chunk: the first page loads only the shell and the sign-in form.
const CheckPage = lazy(() => import('./pages/CheckPage'));
const OverviewPage = lazy(() => import('./pages/OverviewPage'));
const SubjectsPage = lazy(() => import('./pages/SubjectsPage'));
const SubjectPage = lazy(() => import('./pages/SubjectPage'));
const CreditReportPage = lazy(() => import('./pages/CreditReportPage'));
const PlansPage = lazy(() => import('./pages/PlansPage'));
const PlanNewPage = lazy(() => import('./pages/PlanNewPage'));
const PlanDetailPage = lazy(() => import('./pages/PlanDetailPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const RepairPage = lazy(() => import('./pages/RepairPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const QualityPage = lazy(() => import('./pages/QualityPage'));
const CommitmentsPage = lazy(() => import('./pages/CommitmentsPage'));
const GovernancePage = lazy(() => import('./pages/GovernancePage'));
const PacksPage = lazy(() => import('./pages/PacksPage'));
const PackPage = lazy(() => import('./pages/PackPage'));
const KeysPage = lazy(() => import('./pages/KeysPage'));

export function App() {
  const { lang } = useLang();
  const { me, checking } = useSession();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  const fallback = <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { borderRadius: 4 } }}>
      <AntApp>
        {checking ? (
          fallback
        ) : !me ? (
          <SignIn />
        ) : (
          <Suspense fallback={fallback}>
            <Routes>
              <Route element={<Shell />}>
                <Route
                  path="/"
                  element={homePath(me.scopes) ? <Navigate to={homePath(me.scopes)!} replace /> : <NoPages />}
                />
                <Route path="/check" element={<CheckPage />} />
                <Route path="/overview" element={<OverviewPage />} />
                <Route path="/subjects" element={<SubjectsPage />} />
                <Route path="/subjects/:id" element={<SubjectPage />} />
                <Route path="/subjects/:id/report" element={<CreditReportPage />} />
                <Route path="/inspection-plans" element={<PlansPage />} />
                <Route path="/inspection-plans/new" element={<PlanNewPage />} />
                <Route path="/inspection-plans/:id" element={<PlanDetailPage />} />
                <Route path="/audit" element={<AuditPage />} />
                <Route path="/repair" element={<RepairPage />} />
                <Route path="/records/import" element={<ImportPage />} />
                <Route path="/quality" element={<QualityPage />} />
                <Route path="/commitments" element={<CommitmentsPage />} />
                <Route path="/governance" element={<GovernancePage />} />
                <Route path="/packs" element={<PacksPage />} />
                <Route path="/packs/:id" element={<PackPage />} />
                <Route path="/keys" element={<KeysPage />} />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Route>
            </Routes>
          </Suspense>
        )}
      </AntApp>
    </ConfigProvider>
  );
}
