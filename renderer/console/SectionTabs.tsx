import { useState, type ReactNode } from 'react';
import type { MessageKey } from '../../shared/i18n';
import type { LiveState } from '../api/live';
import { LiveStatus } from '../ui/LiveStatus';
import { useClearToasts } from '../ui/Toast';
import { useT } from '../ui/i18n';

export interface SectionTab<T extends string> {
  name: T;
  label: MessageKey;
  testId: string;
}

/** The tab last chosen on this event's page (kept for the browser tab's session), else the first. */
function storedTab<T extends string>(storageKey: string, tabs: readonly SectionTab<T>[]): T | undefined {
  try {
    const value = sessionStorage.getItem(storageKey);
    return tabs.find((tab) => tab.name === value)?.name ?? tabs[0]?.name;
  } catch {
    return tabs[0]?.name;
  }
}

/** An event page's sections as numbered tabs in the order of the day, with the live connection's state beside. */
export function SectionTabs<T extends string>({
  tabs,
  label,
  storageKey,
  live,
  children,
}: {
  tabs: readonly SectionTab<T>[];
  label: string;
  storageKey: string;
  live: LiveState;
  /** The chosen section's panel. */
  children: (tab: T) => ReactNode;
}) {
  const t = useT();
  const [tab, setTab] = useState(() => storedTab(storageKey, tabs));
  const clearToasts = useClearToasts();

  function choose(next: T) {
    // What was confirmed on the last tab is not about this one.
    if (next !== tab) clearToasts();
    setTab(next);
    try {
      sessionStorage.setItem(storageKey, next);
    } catch {
      // Not remembered across reloads; the tab still switches.
    }
  }

  return (
    <>
      <div className="contest-tabs-row">
        <nav className={tabs.length > 8 ? 'contest-tabs many' : 'contest-tabs'} role="tablist" aria-label={label}>
          {tabs.map(({ name, label: tabLabel, testId }, index) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className="contest-tab"
              data-testid={testId}
              onClick={() => choose(name)}
            >
              <span className="contest-tab-step">{index + 1}</span>
              {t(tabLabel)}
            </button>
          ))}
        </nav>
        <LiveStatus state={live} />
      </div>
      <div role="tabpanel" className="contest-panel">
        {tab === undefined ? null : children(tab)}
      </div>
    </>
  );
}
