import { useTranslation } from 'react-i18next';
import { TextField, type TextFieldProps } from './TextField.tsx';

/**
 * A date typed as day-month-year ("14-03-1990"). A text field, not a browser date picker: a picker drops a day that
 * does not exist (31 February) and the form then saw an empty field; here the typed text stays and the shared rule
 * (src/domain/date-rules.ts) says what is wrong with it.
 */
export function DateField({ description, ...props }: Omit<TextFieldProps, 'type'>) {
  const { t } = useTranslation();
  return (
    <TextField
      {...props}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('dateRules.placeholder')}
      size="md"
      description={description ? `${description} ${t('dateRules.hint')}` : t('dateRules.hint')}
    />
  );
}
