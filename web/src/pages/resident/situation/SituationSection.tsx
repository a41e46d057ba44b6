import { useState } from 'react';
import { isUnavailable } from '../../../api/client.ts';
import type { AssessmentHistory, Resident } from '../../../api/models.ts';
import { Alert } from '../../../components/Alert.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { Paragraph } from '../../../components/Paragraph.tsx';
import { Section } from '../Section.tsx';
import type { SubResource } from '../subResource.ts';
import { AssessmentForm } from './AssessmentForm.tsx';
import { BarriersPanel } from './BarriersPanel.tsx';
import { LadderOverview } from './LadderOverview.tsx';
import { useSituationText } from './labels.ts';
import { ZrmOverview } from './ZrmOverview.tsx';
import './situation.css';

export const SITUATION_SECTION_ID = 'situatie';

/**
 * "Situatie" on the resident page: Zelfredzaamheid-Matrix, participatieladder and barriers, filled in together
 * with the resident (usually in the 3-gesprek). The area team and a buurtteam with consent may read and record.
 */
export function SituationSection({
  resident,
  assessments,
  canWrite,
}: {
  resident: Resident;
  assessments: SubResource<AssessmentHistory>;
  canWrite: boolean;
}) {
  const { t } = useSituationText();
  const [saved, setSaved] = useState(false);
  const history = assessments.data;

  return (
    <Section id={SITUATION_SECTION_ID} title={t('resident.sections.situation')}>
      <Paragraph>{t('situation.intro', { days: history?.outdatedAfterDays ?? 30 })}</Paragraph>
      {assessments.isPending && <LoadingState />}
      {assessments.error !== null && !isUnavailable(assessments.error) && (
        <ErrorState error={assessments.error} onRetry={() => void assessments.refetch()} />
      )}
      {history && (
        <>
          <ZrmOverview history={history} />
          <LadderOverview history={history} />
        </>
      )}
      <div role="status" className="app-live">
        {saved && (
          <Alert type="ok">
            <p className="utrecht-paragraph">{t('situation.form.saved')}</p>
          </Alert>
        )}
      </div>
      {canWrite && history && (
        <AssessmentForm
          residentId={resident.id}
          history={history}
          onOpen={() => setSaved(false)}
          onSaved={() => setSaved(true)}
        />
      )}
      <BarriersPanel residentId={resident.id} canWrite={canWrite} />
    </Section>
  );
}
