import { useRef, useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import type { Proposal, Resident } from '../../../api/models.ts';
import { hasPermission, useSession } from '../../../auth/session.ts';
import { Button } from '../../../components/Button.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { Section } from '../Section.tsx';
import { MatchesList } from './MatchesList.tsx';
import { PlacementsList } from './PlacementsList.tsx';
import { ProposalsList } from './ProposalsList.tsx';
import { WorkProfileForm } from './WorkProfileForm.tsx';
import { WorkProfileView } from './WorkProfileView.tsx';
import { usePlacements, useWorkProfile } from './useWork.ts';
import { useWorkFormat } from './workFormat.ts';
import './work.css';

export const WORK_SECTION_ID = 'werk';

function focusLater(id: string, frames = 20): void {
  window.requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (el) el.focus();
    else if (frames > 0) focusLater(id, frames - 1);
  });
}

/**
 * "Werk" on the resident page: the work profile (view, fill in, change), the matching vacancies with their
 * explanation, the proposals with the resident's answer, and placements. Shown to users with workProfiles:read;
 * a 403 on the profile leaves the section out, a 404 means "no profile yet".
 */
export function WorkSection({ resident }: { resident: Resident }) {
  const { t } = useWorkFormat();
  const session = useSession();
  const canRead = hasPermission(session, 'workProfiles:read');
  const canWrite = hasPermission(session, 'workProfiles:write') && resident.view === 'full';
  const canMatch = hasPermission(session, 'matching:run');
  const canReadProposals = hasPermission(session, 'proposals:read') || hasPermission(session, 'proposals:write');
  const canWriteProposals = hasPermission(session, 'proposals:write') && resident.view === 'full';
  const canReadPlacements = hasPermission(session, 'placements:read');
  const profile = useWorkProfile(resident.id, canRead);
  const placements = usePlacements(resident.id, canRead && canReadPlacements);
  const [editing, setEditing] = useState(false);
  const [profileMessage, setProfileMessage] = useState('');
  const [proposalMessage, setProposalMessage] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);

  if (!canRead || isApiError(profile.error, 403)) return null;

  const none = isApiError(profile.error, 404);
  const current = profile.data;
  const closeForm = (message: string) => {
    setEditing(false);
    setProfileMessage(message);
    focusLater('work-profile-edit');
  };

  return (
    <Section id={WORK_SECTION_ID} title={t('workProfile.section')}>
      <div className="app-work-part" id="werkprofiel">
        <Heading level={3} id="werkprofiel-heading">
          {t('workProfile.title')}
        </Heading>
        <p className="utrecht-paragraph app-work-message" role="status">
          {profileMessage}
        </p>
        {profile.isPending && <LoadingState />}
        {profile.error && !none && (
          <ErrorState error={profile.error} title={t('workProfile.loadFailed')} onRetry={() => void profile.refetch()} />
        )}
        {none && !editing && (
          <div className="app-empty app-work-empty">
            <p className="utrecht-paragraph">
              <strong>{t('workProfile.empty')}</strong>
            </p>
            <p className="utrecht-paragraph">{canWrite ? t('workProfile.emptyHelp') : t('workProfile.emptyReadOnly')}</p>
            {canWrite && (
              <Button
                id="work-profile-edit"
                ref={editButton}
                appearance="primary"
                onClick={() => {
                  setProfileMessage('');
                  setEditing(true);
                }}
              >
                {t('workProfile.create')}
              </Button>
            )}
          </div>
        )}
        {current && !editing && (
          <>
            <WorkProfileView profile={current.profile} />
            {canWrite && (
              <Button
                id="work-profile-edit"
                ref={editButton}
                onClick={() => {
                  setProfileMessage('');
                  setEditing(true);
                }}
              >
                {t('workProfile.edit')}
              </Button>
            )}
          </>
        )}
        {editing && (
          <div className="app-subform">
            <WorkProfileForm
              residentId={resident.id}
              current={current}
              onDone={() => closeForm(t('workProfile.saved'))}
              onCancel={() => closeForm('')}
            />
          </div>
        )}
      </div>

      {canMatch && current && (
        <MatchesList
          residentId={resident.id}
          canPropose={canWriteProposals}
          onProposed={(p: Proposal) => {
            setProposalMessage(t('matches.proposed', { title: p.vacancy.title }));
            focusLater(`proposal-${p.id}-title`);
          }}
        />
      )}
      {canMatch && none && (
        <div className="app-work-part">
          <Heading level={3}>{t('matches.title')}</Heading>
          <p className="utrecht-paragraph app-muted">{t('matches.needsProfile')}</p>
        </div>
      )}
      {canReadProposals && current && (
        <ProposalsList
          residentId={resident.id}
          canWrite={canWriteProposals}
          message={proposalMessage}
          onMessage={setProposalMessage}
        />
      )}
      {canReadPlacements && <PlacementsList placements={placements} />}
    </Section>
  );
}
