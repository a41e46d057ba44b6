import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CatchUpDivision, TeamCaseload } from '../../api/models.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/ErrorSummary.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/Table.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { ApiError } from '../../api/client.ts';
import { CatchUpConfirm } from './CatchUpConfirm.tsx';
import { useCreateCatchUp, usePreviewCatchUp } from './useTeam.ts';

const DIVISIONS: CatchUpDivision[] = ['balance', 'roundRobin'];

function wholeNumber(value: string, max: number): number | undefined {
  const v = value.trim();
  if (!/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n <= max ? n : undefined;
}

/** "Nieuwe inhaalslag": criteria, preview (count + first 10), werkmatchers, division, optional note, start. */
export function CatchUpForm({ teams }: { teams: TeamCaseload[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [teamId, setTeamId] = useState(teams[0]?.team.id ?? '');
  const team = teams.find((x) => x.team.id === teamId) ?? teams[0];
  const [name, setName] = useState(() => t('team.catchUp.defaultName'));
  const [benefit, setBenefit] = useState('24');
  const [noContact, setNoContact] = useState('12');
  const [staff, setStaff] = useState<Set<string>>(() => new Set(team?.members.map((m) => m.staffUser.id)));
  const [division, setDivision] = useState<CatchUpDivision>('balance');
  const [note, setNote] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const preview = usePreviewCatchUp();
  // The confirmation step: the same preview with the werkmatchers and division, whose fingerprint starts it.
  const review = usePreviewCatchUp();
  const create = useCreateCatchUp();
  /** Any change to the form: what was reviewed no longer holds. */
  const unconfirm = () => {
    review.reset();
    create.reset();
  };

  const criteriaErrors = () => {
    const missing: Record<string, string> = {};
    if (wholeNumber(benefit, 600) === undefined)
      missing.minMonthsOnBenefit = t('team.catchUp.errors.months', { max: 600 });
    if (wholeNumber(noContact, 240) === undefined)
      missing.minMonthsWithoutContact = t('team.catchUp.errors.months', { max: 240 });
    return missing;
  };
  const criteria = () => ({
    minMonthsOnBenefit: wholeNumber(benefit, 600) ?? 0,
    minMonthsWithoutContact: wholeNumber(noContact, 240) ?? 0,
  });
  const multiTeam = teams.length > 1;

  const server = { ...fieldErrorsOf(preview.error), ...fieldErrorsOf(review.error), ...fieldErrorsOf(create.error) };
  const serverMapped: Record<string, string> = {};
  for (const [k, v] of Object.entries(server)) {
    const key = k.startsWith('staffUserIds')
      ? 'staffUserIds'
      : k.startsWith('criteria.')
        ? k.slice('criteria.'.length)
        : k;
    if (!(key in serverMapped)) serverMapped[key] = v;
  }
  const errors = { ...serverMapped, ...localErrors };
  // A selection that changed after the review (409): the server says what changed; review again.
  const changed = create.error instanceof ApiError && create.error.status === 409 ? create.error : null;
  const otherError = [preview.error, review.error, changed ? null : create.error].find(
    (e) => e && Object.keys(fieldErrorsOf(e)).length === 0,
  );

  const fieldIds: Record<string, string> = {
    teamId: 'catchup-team',
    name: 'catchup-name',
    minMonthsOnBenefit: 'catchup-benefit',
    minMonthsWithoutContact: 'catchup-no-contact',
    criteria: 'catchup-benefit',
    staffUserIds: `catchup-staff-${team?.members[0]?.staffUser.id ?? ''}`,
    division: 'catchup-division-balance',
    handoverNote: 'catchup-note',
  };
  const labels: Record<string, string> = {
    teamId: t('team.catchUp.team'),
    name: t('team.catchUp.name'),
    minMonthsOnBenefit: t('team.catchUp.benefit'),
    minMonthsWithoutContact: t('team.catchUp.noContact'),
    criteria: t('team.catchUp.criteria'),
    staffUserIds: t('team.catchUp.staff'),
    division: t('team.catchUp.division'),
    handoverNote: t('team.catchUp.note'),
  };
  const summary: ErrorSummaryItem[] = Object.entries(errors).map(([k, message]) => ({
    fieldId: fieldIds[k] ?? k,
    label: labels[k] ?? k,
    message,
  }));

  const onPreview = () => {
    const missing = criteriaErrors();
    setLocalErrors(missing);
    create.reset();
    if (Object.keys(missing).length > 0) return;
    preview.mutate({ teamId: multiTeam ? teamId : undefined, criteria: criteria() });
  };

  const staffUserIds = () => team?.members.map((m) => m.staffUser.id).filter((id) => staff.has(id)) ?? [];
  const startReview = () => {
    create.reset();
    review.mutate({ teamId: multiTeam ? teamId : undefined, criteria: criteria(), staffUserIds: staffUserIds(), division });
  };

  // First submit: check every field at once, then show what starting does. Second (confirmed): start exactly that.
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing = criteriaErrors();
    if (!name.trim()) missing.name = t('team.catchUp.errors.name');
    if (staff.size === 0) missing.staffUserIds = t('team.catchUp.errors.staff');
    setLocalErrors(missing);
    preview.reset();
    if (Object.keys(missing).length > 0) {
      unconfirm();
      return;
    }
    const confirmed = review.data?.fingerprint;
    if (!confirmed || changed) {
      startReview();
      return;
    }
    create.mutate(
      {
        teamId: multiTeam ? teamId : undefined,
        name: name.trim(),
        criteria: criteria(),
        staffUserIds: staffUserIds(),
        division,
        handoverNote: note.trim() || undefined,
        previewFingerprint: confirmed,
      },
      { onSuccess: (campaign) => navigate(`/team/inhaalslag/${campaign.id}`, { state: { created: true } }) },
    );
  };

  const changeCriteria = (set: (v: string) => void) => (value: string) => {
    set(value);
    preview.reset();
    unconfirm();
  };
  const data = preview.data;

  return (
    <form
      id="catchup-form"
      className="app-form app-catchup-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="catchup-form-heading"
    >
      <h3 className="utrecht-heading-3" id="catchup-form-heading">
        {t('team.catchUp.formTitle')}
      </h3>
      <ErrorSummary items={summary} id="catchup-errors-title" />
      {otherError && (
        <Alert type="error" live="alert" title={t('team.catchUp.failed')}>
          <Paragraph>{errorText(otherError)}</Paragraph>
        </Alert>
      )}
      {multiTeam && (
        <SelectField
          id="catchup-team"
          label={t('team.catchUp.team')}
          options={teams.map((x) => ({ value: x.team.id, label: x.team.name }))}
          value={teamId}
          error={errors.teamId}
          onChange={(e) => {
            const next = teams.find((x) => x.team.id === e.target.value);
            setTeamId(e.target.value);
            setStaff(new Set(next?.members.map((m) => m.staffUser.id)));
            preview.reset();
            unconfirm();
          }}
        />
      )}
      <fieldset className="app-fieldset">
        <legend>{t('team.catchUp.criteria')}</legend>
        <Paragraph small>{t('team.catchUp.criteriaIntro')}</Paragraph>
        <div className="app-form-row">
          <TextField
            id="catchup-benefit"
            label={t('team.catchUp.benefit')}
            description={t('team.catchUp.benefitDescription')}
            inputMode="numeric"
            size="sm"
            autoComplete="off"
            value={benefit}
            error={errors.minMonthsOnBenefit ?? errors.criteria}
            onChange={(e) => changeCriteria(setBenefit)(e.target.value)}
          />
          <TextField
            id="catchup-no-contact"
            label={t('team.catchUp.noContact')}
            description={t('team.catchUp.noContactDescription')}
            inputMode="numeric"
            size="sm"
            autoComplete="off"
            value={noContact}
            error={errors.minMonthsWithoutContact}
            onChange={(e) => changeCriteria(setNoContact)(e.target.value)}
          />
        </div>
        <Button appearance="secondary" busy={preview.isPending} onClick={onPreview}>
          {t('team.catchUp.preview')}
        </Button>
        <div role="status" className="app-catchup-preview">
          {data && (
            <>
              <p className="utrecht-paragraph">
                <strong>{t('team.catchUp.previewTotal', { count: data.total, team: data.team.name })}</strong>
                {data.sample.length > 0 && data.total > data.sample.length && (
                  <> {t('team.catchUp.previewSample', { count: data.sample.length })}</>
                )}
              </p>
            </>
          )}
        </div>
        {data && data.sample.length > 0 && (
          <Table id="catchup-sample" caption={t('team.catchUp.sampleCaption')} className="app-catchup-sample">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('caseload.columns.name')}</TableHeaderCell>
                <TableHeaderCell>{t('caseload.columns.area')}</TableHeaderCell>
                <TableHeaderCell numeric>{t('caseload.columns.months')}</TableHeaderCell>
                <TableHeaderCell>{t('caseload.columns.lastContact')}</TableHeaderCell>
                <TableHeaderCell>{t('caseload.columns.contactPerson')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.sample.map((r) => (
                <TableRow key={r.id}>
                  <TableHeaderCell scope="row" className="app-row-header">
                    {r.name}
                  </TableHeaderCell>
                  <TableCell>{r.area.name}</TableCell>
                  <TableCell numeric>{r.monthsOnBenefit}</TableCell>
                  <TableCell>
                    {r.daysSinceContact === null
                      ? t('contact.never')
                      : t('contact.daysAgo', { count: r.daysSinceContact })}
                  </TableCell>
                  <TableCell>
                    {r.contactPerson ? (
                      r.contactPerson.displayName
                    ) : (
                      <span className="app-muted">{t('contactPerson.none')}</span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </fieldset>

      <fieldset
        className="app-fieldset"
        aria-describedby={errors.staffUserIds ? 'catchup-staff-error' : undefined}
      >
        <legend>{t('team.catchUp.staff')}</legend>
        <Paragraph small>{t('team.catchUp.staffIntro')}</Paragraph>
        <div className="app-button-row">
          <Button
            appearance="subtle"
            onClick={() => {
              setStaff(new Set(team?.members.map((m) => m.staffUser.id)));
              unconfirm();
            }}
          >
            {t('team.catchUp.staffAll')}
          </Button>
          <Button
            appearance="subtle"
            onClick={() => {
              setStaff(new Set());
              unconfirm();
            }}
          >
            {t('team.catchUp.staffNone')}
          </Button>
          <span className="app-muted" role="status">
            {t('team.catchUp.staffChosen', { count: staff.size })}
          </span>
        </div>
        {errors.staffUserIds && (
          <p className="utrecht-form-field-error-message app-field-error" id="catchup-staff-error">
            <span className="app-visually-hidden">{t('form.errorPrefix')} </span>
            {errors.staffUserIds}
          </p>
        )}
        <div className="app-staff-grid">
          {team?.members.map((m) => (
            <CheckboxField
              key={m.staffUser.id}
              id={`catchup-staff-${m.staffUser.id}`}
              label={m.staffUser.displayName}
              description={t('team.catchUp.staffLoad', { count: m.activeResidents })}
              checked={staff.has(m.staffUser.id)}
              onChange={(e) => {
                const next = new Set(staff);
                if (e.target.checked) next.add(m.staffUser.id);
                else next.delete(m.staffUser.id);
                setStaff(next);
                unconfirm();
              }}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="app-fieldset">
        <legend>{t('team.catchUp.division')}</legend>
        {DIVISIONS.map((d) => (
          <div
            className="utrecht-form-field utrecht-form-field--radio utrecht-form-field--distanced app-form-field"
            key={d}
          >
            <div className="utrecht-form-field__input">
              <input
                type="radio"
                id={`catchup-division-${d}`}
                name="catchup-division"
                value={d}
                checked={division === d}
                onChange={() => {
                  setDivision(d);
                  unconfirm();
                }}
                aria-describedby={`catchup-division-${d}-description`}
                className="utrecht-radio-button utrecht-radio-button--html-input utrecht-radio-button--custom"
              />
            </div>
            <div className="utrecht-form-field__label">
              <label
                className="utrecht-form-label utrecht-form-label--radio"
                htmlFor={`catchup-division-${d}`}
              >
                {t(`team.catchUp.divisions.${d}`)}
              </label>
            </div>
            <div
              className="utrecht-form-field__description utrecht-form-field-description"
              id={`catchup-division-${d}-description`}
            >
              {t(`team.catchUp.divisions.${d}Description`)}
            </div>
          </div>
        ))}
      </fieldset>

      <TextField
        id="catchup-name"
        label={t('team.catchUp.name')}
        description={t('team.catchUp.nameDescription')}
        required
        maxLength={120}
        value={name}
        error={errors.name}
        onChange={(e) => {
          setName(e.target.value);
          unconfirm();
        }}
      />
      <TextAreaField
        id="catchup-note"
        label={t('team.catchUp.note')}
        description={t('team.catchUp.noteDescription')}
        optional
        rows={3}
        value={note}
        error={errors.handoverNote}
        onChange={(e) => {
          setNote(e.target.value);
          unconfirm();
        }}
      />
      {changed && (
        <Alert type="warning" live="alert" title={t('catchUpConfirm.changedTitle')}>
          <Paragraph>{changed.detail}</Paragraph>
        </Alert>
      )}
      {review.data?.moves && !changed ? (
        <CatchUpConfirm moves={review.data.moves} busy={create.isPending} onBack={unconfirm} />
      ) : (
        <div className="app-button-row">
          <Button type="submit" appearance="primary" busy={review.isPending}>
            {changed ? t('catchUpConfirm.reviewAgain') : t('catchUpConfirm.review')}
          </Button>
        </div>
      )}
    </form>
  );
}
