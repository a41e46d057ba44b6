import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Button } from '../../components/Button.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { CampaignList } from './CampaignList.tsx';
import { CaseloadOverview } from './CaseloadOverview.tsx';
import { CatchUpForm } from './CatchUpForm.tsx';
import { ReassignForm } from './ReassignForm.tsx';
import { useCatchUps, useTeamCaseloads } from './useTeam.ts';
import './team.css';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="app-section" aria-labelledby={`${id}-heading`} id={id}>
      <Heading level={2} id={`${id}-heading`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** The teamleider's page: caseload per werkmatcher, catch-up campaigns, handing residents over. */
export function TeamPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('team.title'));
  const caseloads = useTeamCaseloads();
  const campaigns = useCatchUps();
  const [formOpen, setFormOpen] = useState(false);
  const data = caseloads.data;
  const teams = data?.teams ?? [];
  const coaches = teams.flatMap((x) => x.members.map((m) => m.staffUser));
  const noCampaigns = campaigns.data !== undefined && campaigns.data.length === 0;
  const showForm = formOpen || noCampaigns;

  return (
    <>
      <Heading level={1}>{t('team.title')}</Heading>
      {data && (
        <Paragraph lead>
          {t('team.intro', { teams: teams.map((x) => x.team.name).join(', '), norm: data.contactNormDays })}
        </Paragraph>
      )}
      <nav className="app-toc" aria-label={t('team.toc')}>
        <ul className="app-inline-list">
          <li>
            <a className="utrecht-link utrecht-link--html-a" href="#caseloads">
              {t('team.caseloads.title')}
            </a>
          </li>
          <li>
            <a className="utrecht-link utrecht-link--html-a" href="#inhaalslag">
              {t('team.catchUp.title')}
            </a>
          </li>
          <li>
            <a className="utrecht-link utrecht-link--html-a" href="#overdragen">
              {t('team.reassign.title')}
            </a>
          </li>
        </ul>
      </nav>

      {caseloads.isPending && <LoadingState />}
      {caseloads.error && <ErrorState error={caseloads.error} onRetry={() => void caseloads.refetch()} />}
      {data && teams.length === 0 && <Paragraph className="app-empty">{t('team.noTeams')}</Paragraph>}

      {data && teams.length > 0 && (
        <>
          <Section id="caseloads" title={t('team.caseloads.title')}>
            <Paragraph>{t('team.caseloads.intro', { norm: data.contactNormDays })}</Paragraph>
            {teams.map((team) => (
              <CaseloadOverview
                key={team.team.id}
                team={team}
                normDays={data.contactNormDays}
                showTeamName={teams.length > 1}
              />
            ))}
          </Section>

          <Section id="inhaalslag" title={t('team.catchUp.title')}>
            <Paragraph>{t('team.catchUp.intro')}</Paragraph>
            {campaigns.isPending && <LoadingState />}
            {campaigns.error && (
              <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />
            )}
            {noCampaigns && <Paragraph className="app-empty">{t('team.catchUp.empty')}</Paragraph>}
            {campaigns.data && campaigns.data.length > 0 && <CampaignList campaigns={campaigns.data} />}
            <div className="app-subform">
              {!noCampaigns && (
                <Button
                  appearance="secondary"
                  aria-expanded={showForm}
                  aria-controls="catchup-form"
                  onClick={() => setFormOpen(!formOpen)}
                >
                  {t('team.catchUp.formTitle')}
                </Button>
              )}
              {showForm && <CatchUpForm teams={teams} />}
            </div>
          </Section>

          <Section id="overdragen" title={t('team.reassign.title')}>
            <Paragraph>{t('team.reassign.intro')}</Paragraph>
            <ReassignForm coaches={coaches} normDays={data.contactNormDays} />
          </Section>
        </>
      )}
    </>
  );
}
