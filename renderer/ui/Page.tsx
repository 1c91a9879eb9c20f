import { useEffect, type ReactNode } from 'react';
import { LanguageSwitch } from './LanguageSwitch';
import { useT } from './i18n';

interface PageProps {
  /** The page's name, shown next to the app name and in the window title. */
  title: string;
  /** Buttons or status shown at the right of the header. */
  actions?: ReactNode;
  /** 'narrow' centres a single card (judge, check-in); 'wide' is the console. */
  width?: 'wide' | 'narrow';
  children: ReactNode;
}

export function Page({ title, actions, width = 'wide', children }: PageProps) {
  const t = useT();
  useDocumentTitle(title);
  return (
    <div className={`page page-${width}`}>
      <header className="app-header">
        <div className="app-header-inner">
          <div className="app-header-names">
            <span className="brand">{t('app.name')}</span>
            <span className="app-header-title">{title}</span>
          </div>
          <div className="app-header-actions">
            {actions}
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main className="page-main">{children}</main>
    </div>
  );
}

export function useDocumentTitle(title: string): void {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}
