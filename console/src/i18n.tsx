import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from './lib/labels';

/** Chinese by default (zh-CN), English by the switch in the top bar; the choice is kept in this browser. */
interface LangState {
  readonly lang: Lang;
  setLang(lang: Lang): void;
  /** The text for the current language: `t('核查', 'Check')`. */
  t(zh: string, en: string): string;
}

const LANG_KEY = 'cse.console.lang';
const LangContext = createContext<LangState | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const value = useMemo<LangState>(
    () => ({
      lang,
      setLang: (l) => {
        setLangState(l);
        try {
          localStorage.setItem(LANG_KEY, l);
        } catch {
          /* private mode: the choice lasts for this page */
        }
        document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
      },
      t: (zh, en) => (lang === 'zh' ? zh : en),
    }),
    [lang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const v = useContext(LangContext);
  if (!v) throw new Error('useLang outside LangProvider');
  return v;
}
