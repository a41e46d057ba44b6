import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { approveProvision, formatCents, listBudgets, listOpenProvisions, payProvision, type CustomProvision } from '../../api/youth.api.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { localeOf } from '../../i18n/index.ts';
import { todayNl } from '../../rules/dateRules.ts';

/** Maatwerk: the team's budget this year (committed, paid, available) and the open provisions to approve or pay. */
export function ProvisionsPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  useDocumentTitle(t('youth.provisions.title'));
  const year = Number(todayNl().slice(0, 4));
  const budgets = useQuery({ queryKey: ['youth', 'budgets', year], queryFn: () => listBudgets(year), retry: false });
  const open = useQuery({ queryKey: ['youth', 'provisions', 'open'], queryFn: listOpenProvisions, retry: false });
  const money = (c: number) => formatCents(c, locale);
  return (
    <>
      <Heading level={1}>{t('youth.provisions.title')}</Heading>
      <Paragraph lead>{t('youth.provisions.intro')}</Paragraph>
      {(budgets.isPending || open.isPending) && <LoadingState />}
      {budgets.error && <ErrorState error={budgets.error} onRetry={() => void budgets.refetch()} />}
      {budgets.data?.map((b) => (
        <section key={b.team.id} className="app-section" aria-labelledby={`budget-${b.team.id}`}>
          <Heading level={2} id={`budget-${b.team.id}`}>
            {t('youth.provisions.budgetOf', { team: b.team.name, year: b.year })}
          </Heading>
          <Table id={`budget-table-${b.team.id}`} caption={t('youth.provisions.budgetCaption')} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('youth.provisions.budget')}</TableHeaderCell>
                <TableHeaderCell numeric>{t('youth.provisions.committed')}</TableHeaderCell>
                <TableHeaderCell numeric>{t('youth.provisions.paid')}</TableHeaderCell>
                <TableHeaderCell numeric>{t('youth.provisions.available')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              <TableRow>
                <TableCell>{money(b.budgetCents)}</TableCell>
                <TableCell numeric>{money(b.committedCents)}</TableCell>
                <TableCell numeric>{money(b.paidCents)}</TableCell>
                <TableCell numeric data-testid="available">{money(b.availableCents)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Paragraph small>{t('youth.provisions.threshold', { amount: money(b.approvalThresholdCents) })}</Paragraph>
          {b.byKind.length > 0 && (
            <ul className="utrecht-unordered-list">
              {b.byKind.map((k) => (
                <li key={k.kind} className="utrecht-unordered-list__item">
                  {t(`youth.provisionKinds.${k.kind}`)}: {k.count} · {t('youth.provisions.committed')} {money(k.committedCents)} · {t('youth.provisions.paid')} {money(k.paidCents)}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <section className="app-section" aria-labelledby="open-provisions">
        <Heading level={2} id="open-provisions">
          {t('youth.provisions.open')}
        </Heading>
        {open.error && <ErrorState error={open.error} onRetry={() => void open.refetch()} />}
        {open.data && open.data.length === 0 && <Paragraph>{t('youth.provisions.none')}</Paragraph>}
        {open.data?.map((p) => <ProvisionRow key={p.id} provision={p} />)}
      </section>
    </>
  );
}

function ProvisionRow({ provision: p }: { provision: CustomProvision }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const client = useQueryClient();
  const done = () => void client.invalidateQueries({ queryKey: ['youth'] });
  const approve = useMutation({ mutationFn: () => approveProvision(p.id), onSuccess: done });
  const pay = useMutation({ mutationFn: () => payProvision(p.id, todayNl(), `MW-${p.id.slice(0, 8)}`), onSuccess: done });
  return (
    <article className="app-youth-provision" aria-labelledby={`provision-${p.id}`}>
      <Heading level={3} id={`provision-${p.id}`}>
        {p.residentName}: {t(`youth.provisionKinds.${p.kind}`)} · {formatCents(p.amountCents, locale)}
      </Heading>
      <Paragraph>
        <StatusBadge status={p.status === 'approved' ? 'safe' : 'warning'}>{t(`youth.provisionStatus.${p.status}`)}</StatusBadge> {p.description}
      </Paragraph>
      <Paragraph small>
        {t('youth.provisions.ruleRoom')}: {p.ruleRoom} · {t('youth.provisions.why')}: {p.justification} ·{' '}
        <AppLink to={`/inwoners/${encodeURIComponent(p.residentId)}`}>{t('youth.period.toResident')}</AppLink>
      </Paragraph>
      {p.permissions.approve && (
        <Button appearance="primary" busy={approve.isPending} onClick={() => approve.mutate()}>
          {t('youth.provisions.approve')}
        </Button>
      )}
      {p.status === 'requested' && !p.permissions.approve && <Paragraph small>{t('youth.provisions.waiting')}</Paragraph>}
      {p.permissions.pay && (
        <Button appearance="secondary" busy={pay.isPending} onClick={() => pay.mutate()}>
          {t('youth.provisions.pay')}
        </Button>
      )}
    </article>
  );
}
