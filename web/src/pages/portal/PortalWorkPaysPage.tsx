import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { calculateWorkPays, type WorkPaysInput } from '../../api/portal.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useErrorText } from '../../hooks/useErrorText.ts';

const money = (cents: number, locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
const number = (v: string) => Number(v.replace(',', '.'));

/** "Werkt het loont?": an estimate of the income per month with work and benefit, with the rule in words. */
export function PortalWorkPaysPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('portal.workPays.title'));
  const locale = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
  const errorText = useErrorText();
  const [hours, setHours] = useState('16');
  const [wage, setWage] = useState('14');
  const [household, setHousehold] = useState<WorkPaysInput['household']>('single');
  const [age, setAge] = useState<'yes' | 'no'>('yes');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const calc = useMutation({
    mutationFn: calculateWorkPays,
    onError: (e) => {
      if (isApiError(e, 400)) setErrors(Object.fromEntries(e.invalidParams.map((p) => [p.name, p.reason])));
    },
    onSuccess: () => setErrors({}),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const h = number(hours);
    const w = number(wage);
    const next: Record<string, string> = {};
    if (hours.trim() === '' || Number.isNaN(h)) next.hoursPerWeek = t('portal.workPays.hoursError');
    if (wage.trim() === '' || Number.isNaN(w)) next.hourlyWage = t('portal.workPays.wageError');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    calc.mutate({ hoursPerWeek: h, hourlyWage: w, household, age27OrOlder: age === 'yes', youngestChildUnder12: household === 'singleParent' });
  };
  const r = calc.data;
  return (
    <>
      <Heading level={1}>{t('portal.workPays.title')}</Heading>
      <Paragraph lead>{t('portal.workPays.intro')}</Paragraph>
      <form onSubmit={submit} noValidate className="portal-card portal-stack">
        <TextField id="hoursPerWeek" label={t('portal.workPays.hours')} inputMode="decimal" value={hours} error={errors.hoursPerWeek} onChange={(e) => setHours(e.target.value)} required size="sm" />
        <TextField id="hourlyWage" label={t('portal.workPays.wage')} description={t('portal.workPays.wageHint')} inputMode="decimal" value={wage} error={errors.hourlyWage} onChange={(e) => setWage(e.target.value)} required size="sm" />
        <SelectField
          id="household"
          label={t('portal.workPays.household')}
          options={(['single', 'singleParent', 'couple'] as const).map((v) => ({ value: v, label: t(`portal.workPays.households.${v}`) }))}
          value={household}
          onChange={(e) => setHousehold(e.target.value as WorkPaysInput['household'])}
        />
        <SelectField
          id="age27OrOlder"
          label={t('portal.workPays.age')}
          options={[
            { value: 'yes', label: t('portal.workPays.yes') },
            { value: 'no', label: t('portal.workPays.no') },
          ]}
          value={age}
          onChange={(e) => setAge(e.target.value as 'yes' | 'no')}
        />
        <Button type="submit" appearance="primary" className="portal-button" busy={calc.isPending}>
          {t('portal.workPays.calculate')}
        </Button>
      </form>
      {calc.error && !isApiError(calc.error, 400) && (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{errorText(calc.error)}</p>
        </Alert>
      )}
      {r && (
        <section className="portal-card" aria-labelledby="uitkomst" aria-live="polite">
          <Heading level={2} id="uitkomst">
            {t('portal.workPays.resultHeading')}
          </Heading>
          <Alert type="warning">
            <p className="utrecht-paragraph">{t('portal.workPays.estimate')}</p>
          </Alert>
          <dl className="portal-figures">
            <dt>{t('portal.workPays.earnings')}</dt>
            <dd>{money(r.earningsCents, locale)}</dd>
            <dt>{t('portal.workPays.benefit')}</dt>
            <dd>{money(r.benefitCents, locale)}</dd>
            <dt>{t('portal.workPays.total')}</dt>
            <dd>
              <strong>{money(r.totalCents, locale)}</strong>
            </dd>
            <dt>{t('portal.workPays.withoutWork')}</dt>
            <dd>{money(r.withoutWorkCents, locale)}</dd>
            <dt>{t('portal.workPays.difference')}</dt>
            <dd>{money(r.totalCents - r.withoutWorkCents, locale)}</dd>
          </dl>
          <Heading level={3}>{t('portal.workPays.ruleHeading')}</Heading>
          <Paragraph>{i18n.language === 'en' ? t(`portal.workPays.rules.${r.rule}`, { share: `${r.share * 100}%`, cap: money(r.capCents, locale) }) : r.explanation}</Paragraph>
          <Paragraph small>{t('portal.workPays.sources', { sources: r.sources.join('; ') })}</Paragraph>
        </section>
      )}
    </>
  );
}
