import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { councilLetterPdfHref, getCouncilLetter } from '../../api/youth.api.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';

/** The yearly council letter of Team Jongeren: the editable text, the tables per wijk (small cells suppressed), the PDF. */
export function CouncilLetterPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('youth.council.title'));
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const letter = useQuery({ queryKey: ['youth', 'council-letter', year], queryFn: () => getCouncilLetter(year), retry: false });
  const [edited, setEdited] = useState<Record<number, string>>({});
  const num = (v: number | null) => (v === null ? t('youth.council.suppressed') : v.toLocaleString(i18n.language));
  return (
    <>
      <Heading level={1}>{t('youth.council.title')}</Heading>
      <Paragraph lead>{t('youth.council.intro')}</Paragraph>
      <SelectField id="council-year" label={t('youth.council.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: String(y) }))} />
      {letter.isPending && <LoadingState />}
      {letter.error && <ErrorState error={letter.error} onRetry={() => void letter.refetch()} />}
      {letter.data && (
        <>
          <Paragraph>
            <a className="utrecht-link" href={councilLetterPdfHref(year)} download>
              {t('youth.council.pdf', { year })}
            </a>
          </Paragraph>
          <TextAreaField id="council-text" label={t('youth.council.text')} description={t('youth.council.textHint')} value={edited[year] ?? letter.data.text} onChange={(e) => setEdited((o) => ({ ...o, [year]: e.target.value }))} rows={12} />
          {letter.data.tables.map((tb) => (
            <Table key={tb.id} id={`council-${tb.id}`} caption={tb.title}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('youth.council.area')}</TableHeaderCell>
                  {tb.columns.map((c) => (
                    <TableHeaderCell key={c} numeric>
                      {c}
                    </TableHeaderCell>
                  ))}
                  {tb.columns.length > 1 && <TableHeaderCell numeric>{t('youth.council.total')}</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...tb.rows, { label: t('youth.council.total'), cells: tb.totals, total: tb.grandTotal }].map((r) => (
                  <TableRow key={r.label}>
                    <TableHeaderCell scope="row">{r.label}</TableHeaderCell>
                    {r.cells.map((v, i) => (
                      <TableCell key={i} numeric>
                        {num(v)}
                      </TableCell>
                    ))}
                    {tb.columns.length > 1 && <TableCell numeric>{num(r.total)}</TableCell>}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ))}
        </>
      )}
    </>
  );
}
