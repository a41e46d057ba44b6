import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { cx } from '../../components/classNames.ts';

/** The parts of the resident page, in the order of UX.md; the id is the value of ?tab= in the address. */
export const RESIDENT_TABS = ['plan', 'situatie', 'gesprekken', 'berichten', 'werk', 'gegevens', 'geschiedenis'] as const;
export type ResidentTab = (typeof RESIDENT_TABS)[number];

/** Old links (and the werklijst) point at a section with #anchor: the tab that holds that section. */
const TAB_OF_ANCHOR: Record<string, ResidentTab> = {
  plan: 'plan',
  situatie: 'situatie',
  gesprekken: 'gesprekken',
  contact: 'gesprekken',
  berichten: 'berichten',
  werk: 'werk',
  gegevens: 'gegevens',
  toestemmingen: 'gegevens',
  aanspreekpunt: 'geschiedenis',
  verwerkingen: 'geschiedenis',
};

export interface TabItem {
  id: ResidentTab;
  label: string;
  /** Shown next to the label, e.g. the open actions; with `countLabel` for screen readers ("3 open acties"). */
  count?: number;
  countLabel?: string;
}

/** The open tab: ?tab=…, else the tab of the #anchor, else the first one the viewer may see. */
export function selectedTab(search: string, hash: string, available: ResidentTab[]): ResidentTab | undefined {
  const asked = new URLSearchParams(search).get('tab');
  const fromHash = TAB_OF_ANCHOR[decodeURIComponent(hash.replace(/^#/, ''))];
  const wanted = [asked, fromHash].find((t): t is ResidentTab => available.includes(t as ResidentTab));
  return wanted ?? available[0];
}

/** The address of a tab: the same page with ?tab=… (and an optional #anchor inside it). */
export function tabHref(pathname: string, tab: ResidentTab, anchor?: string): string {
  return `${pathname}?tab=${tab}${anchor ? `#${anchor}` : ''}`;
}

/**
 * Section navigation of the resident page: links (each its own address, so the back button and a shared link
 * work), the open one marked with aria-current. Sticky on wide screens, so the other parts stay one click away.
 */
export function ResidentTabs({ items, current, children }: { items: TabItem[]; current: ResidentTab; children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <>
      <nav className="app-resident-tabs" aria-label={t('residentTabs.label')}>
        <ul className="app-resident-tabs__list">
          {items.map((item) => {
            const active = item.id === current;
            return (
              <li key={item.id} className="app-resident-tabs__item">
                <Link
                  to={tabHref(pathname, item.id)}
                  className={cx('app-resident-tabs__link', active && 'app-resident-tabs__link--current')}
                  aria-current={active ? 'page' : undefined}
                >
                  {item.label}
                  {item.count !== undefined && (
                    <>
                      <span className="app-resident-tabs__count" aria-hidden="true">
                        {item.count}
                      </span>
                      <span className="app-visually-hidden">, {item.countLabel}</span>
                    </>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="app-resident-panel" id="onderdeel">
        {children}
      </div>
    </>
  );
}
