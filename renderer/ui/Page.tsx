import { useEffect, type ReactNode } from 'react';
import { LanguageSwitch } from './LanguageSwitch';
import { useToastSlot } from './Toast';
import { useT } from './i18n';

interface PageProps {
  /** The page's name, shown next to the app name and in the window title. */
  title: string;
  /** Buttons or status shown at the right of the header. */
  actions?: ReactNode;
  /** 'narrow' centres a single card (judge, check-in); 'wide' is the console. */
  width?: 'wide' | 'narrow';
  /** Shown instead of the app's name and the title, e.g. an event's back link and name. */
  heading?: ReactNode;
  /** One slim header row with the content right below it (an event's page, whose tabs follow). */
  compact?: boolean;
  children: ReactNode;
}

export function Page({ title, actions, width = 'wide', heading, compact = false, children }: PageProps) {
  const t = useT();
  const toastSlot = useToastSlot();
  useDocumentTitle(title);
  return (
    <div className={['page', `page-${width}`, compact ? 'page-compact' : null].filter(Boolean).join(' ')}>
      <header className="app-header">
        <div className="app-header-inner">
          <div className="app-header-names">
            {heading ?? (
              <>
                <span className="brand">{t('app.name')}</span>
                <span className="app-header-title">{title}</span>
              </>
            )}
          </div>
          <div className="app-header-actions">
            {actions}
            <LanguageSwitch />
          </div>
        </div>
        <div className="app-header-toasts" ref={toastSlot} />
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
