import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { cx } from '../../components/classNames.ts';

/** Skills typed with commas or new lines: "klantvriendelijk, Nederlands B1" → two skills. */
export function splitSkills(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const s = raw.trim().replace(/\s+/g, ' ');
    if (s && !seen.has(s.toLowerCase())) {
      seen.add(s.toLowerCase());
      out.push(s);
    }
  }
  return out;
}

/**
 * A list of skills: add one at a time (Enter or the button; commas split into several) and remove each with its own
 * button. The list is read out as a list; a status line says what was added or removed.
 */
export function SkillsField({
  id,
  label,
  description,
  value,
  onChange,
  error,
  max = 30,
}: {
  id: string;
  label: string;
  description?: string;
  value: string[];
  onChange: (skills: string[]) => void;
  error?: string | null;
  max?: number;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [announce, setAnnounce] = useState('');
  const add = () => {
    const extra = splitSkills(text).filter((s) => !value.some((v) => v.toLowerCase() === s.toLowerCase()));
    if (extra.length === 0) {
      setText('');
      return;
    }
    const next = [...value, ...extra].slice(0, max);
    onChange(next);
    setText('');
    setAnnounce(t('vacancies.skills.added', { skills: extra.join(', ') }));
  };
  const remove = (skill: string) => {
    onChange(value.filter((v) => v !== skill));
    setAnnounce(t('vacancies.skills.removed', { skill }));
    document.getElementById(id)?.focus();
  };
  const describedBy = [`${id}-description`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={cx('utrecht-form-field', 'utrecht-form-field--text', 'utrecht-form-field--distanced', 'app-form-field', 'app-skills', error && 'utrecht-form-field--invalid')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          <span className="app-optional"> {t('form.optional')}</span>
        </label>
      </div>
      <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
        {description ? `${description} ` : ''}
        {t('vacancies.skills.howTo')}
      </div>
      {error && (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message app-field-error" id={`${id}-error`}>
          <span className="app-visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input app-skills__input">
        <input
          id={id}
          name={id}
          type="text"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          onBlur={() => {
            if (text.trim()) add();
          }}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className={cx('utrecht-textbox', 'utrecht-textbox--html-input', error && 'utrecht-textbox--invalid')}
        />
        <Button appearance="secondary" onClick={add}>
          {t('vacancies.skills.add')}
          <span className="app-visually-hidden"> ({label.toLowerCase()})</span>
        </Button>
      </div>
      {value.length > 0 ? (
        <ul className="app-skill-list" aria-label={label}>
          {value.map((s) => (
            <li key={s} className="app-skill">
              <span>{s}</span>
              <button type="button" className="app-skill__remove" onClick={() => remove(s)} aria-label={t('vacancies.skills.remove', { skill: s })}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="utrecht-paragraph utrecht-paragraph--small app-muted">{t('vacancies.skills.none')}</p>
      )}
      <p className="app-visually-hidden" role="status">
        {announce}
      </p>
    </div>
  );
}
