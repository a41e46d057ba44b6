import { useTranslation } from 'react-i18next';
import '../worklist/worklist.css';
import type { PrivacyLogEntry } from '../../api/privacy.api.ts';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '../../format/dates.ts';
import { localeOf } from '../../i18n/index.ts';

/**
 * Log entries: when, who (name, role, organisation), what (activity), about whom, why (reason, purpose, basis). A
 * table on a wide screen; on a phone the same entries as a list (a five-column table there only scrolls sideways).
 * Only one of the two is displayed (the other is display: none, so out of the accessibility tree as well).
 */
export function LogTable(props: { id: string; caption: string; entries: PrivacyLogEntry[]; showSubjects?: boolean }) {
  return (
    <>
      <div className="app-privacy-wide">
        <WideTable {...props} />
      </div>
      <LogList {...props} />
    </>
  );
}

function About({ e }: { e: PrivacyLogEntry }) {
  const { t } = useTranslation();
  return (
    <>
      {e.subjectType === 'aggregate'
        ? t('privacyOfficer.log.aggregate')
        : t(e.subjectType === 'employerContact' ? 'privacyOfficer.log.contacts' : 'privacyOfficer.log.residents', { count: e.subjectCount })}
    </>
  );
}

function LogList({ id, caption, entries, showSubjects }: { id: string; caption: string; entries: PrivacyLogEntry[]; showSubjects?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <ul className="app-privacy-narrow app-wl-list" id={`${id}-list`} aria-label={caption}>
      {entries.map((e) => (
        <li key={e.id} className="app-wl-item">
          <p className="utrecht-paragraph app-wl-item__head">
            <strong>{formatDateTime(e.at, locale)}</strong>
            {e.status === 'error' && <StatusBadge status="danger">{t('privacyOfficer.log.failed')}</StatusBadge>}
          </p>
          <p className="utrecht-paragraph">
            {e.actor.displayName ?? t('privacyOfficer.log.unknownActor')}
            <span className="app-wl-item__meta">
              {' · '}
              {t(`roles.${e.actor.role}`, { defaultValue: e.actor.role })}
              {e.actor.organisation && `, ${e.actor.organisation}`}
            </span>
          </p>
          <p className="utrecht-paragraph">
            <span lang="nl">{e.activity.name}</span> <span className="app-wl-item__meta">({e.activity.id})</span>
            {showSubjects && (
              <span className="app-wl-item__meta">
                {' · '}
                <About e={e} />
              </span>
            )}
          </p>
          {e.reason && (
            <p className="utrecht-paragraph">
              <strong>{t('privacyOfficer.log.reason')}:</strong> {e.reason}
            </p>
          )}
          <p className="utrecht-paragraph app-wl-item__meta" lang="nl">
            {e.activity.legalBasis}
          </p>
        </li>
      ))}
    </ul>
  );
}

function WideTable({ id, caption, entries, showSubjects }: { id: string; caption: string; entries: PrivacyLogEntry[]; showSubjects?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <Table id={id} caption={caption} captionHidden className="app-wide-table app-privacy-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('privacyOfficer.log.when')}</TableHeaderCell>
          <TableHeaderCell>{t('privacyOfficer.log.who')}</TableHeaderCell>
          <TableHeaderCell>{t('privacyOfficer.log.what')}</TableHeaderCell>
          {showSubjects && <TableHeaderCell>{t('privacyOfficer.log.about')}</TableHeaderCell>}
          <TableHeaderCell>{t('privacyOfficer.log.why')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id}>
            <TableCell className="app-nowrap">{formatDateTime(e.at, locale)}</TableCell>
            <TableCell>
              {e.actor.displayName ?? t('privacyOfficer.log.unknownActor')}
              <span className="app-cell-note">
                {t(`roles.${e.actor.role}`, { defaultValue: e.actor.role })}
                {e.actor.organisation && `, ${e.actor.organisation}`}
              </span>
            </TableCell>
            <TableCell>
              <span lang="nl">{e.activity.name}</span>
              <span className="app-cell-note">
                {e.activity.id} · <code>{e.action}</code>
                {e.status === 'error' && (
                  <>
                    {' '}
                    <StatusBadge status="danger">{t('privacyOfficer.log.failed')}</StatusBadge>
                  </>
                )}
              </span>
            </TableCell>
            {showSubjects && (
              <TableCell>
                <About e={e} />
              </TableCell>
            )}
            <TableCell>
              {e.reason && (
                <strong className="app-privacy-reason">
                  {t('privacyOfficer.log.reason')}: {e.reason}
                </strong>
              )}
              <span lang="nl">{e.activity.purpose}</span>
              <span className="app-cell-note" lang="nl">
                {e.activity.legalBasis}
              </span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
