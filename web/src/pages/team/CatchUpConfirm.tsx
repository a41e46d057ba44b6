import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatchUpMoves } from '../../api/models.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/Table.tsx';

/**
 * The confirmation step of a catch-up campaign: what starting does (who moves from whom to whom), a warning that it
 * is not undone with one click, and the buttons to start exactly this or go back. Focus moves to its heading.
 */
export function CatchUpConfirm({
  moves,
  busy,
  onBack,
}: {
  moves: CatchUpMoves;
  busy: boolean;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const fromText = (toId: string) => {
    // The transfers are sorted largest first; name the givers of this werkmatcher in that order.
    const parts = [];
    for (const tr of moves.transfers) {
      if (tr.to.id !== toId) continue;
      parts.push(
        t('catchUpConfirm.from', {
          name: tr.from ? tr.from.displayName : t('catchUpConfirm.noContactPerson'),
          count: tr.count,
        }),
      );
    }
    return parts.length > 0 ? parts.join(' · ') : t('catchUpConfirm.noneNew');
  };

  return (
    <section className="app-catchup-confirm" aria-labelledby="catchup-confirm-title">
      <h4 className="utrecht-heading-4" id="catchup-confirm-title" tabIndex={-1} ref={heading}>
        {t('catchUpConfirm.title')}
      </h4>
      <Paragraph>
        <strong>
          {t('catchUpConfirm.summary', {
            count: moves.total,
            staff: t('catchUpConfirm.staffCount', { count: moves.perStaffUser.length }),
          })}
        </strong>{' '}
        {t('catchUpConfirm.moving', { count: moves.moving })} {t('catchUpConfirm.staying', { count: moves.staying })}
      </Paragraph>
      <Table id="catchup-moves" caption={t('catchUpConfirm.caption')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('catchUpConfirm.columns.staff')}</TableHeaderCell>
            <TableHeaderCell numeric>{t('catchUpConfirm.columns.receives')}</TableHeaderCell>
            <TableHeaderCell numeric>{t('catchUpConfirm.columns.newToThem')}</TableHeaderCell>
            <TableHeaderCell>{t('catchUpConfirm.columns.from')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {moves.perStaffUser.map((p) => (
            <TableRow key={p.staffUser.id}>
              <TableHeaderCell scope="row" className="app-row-header">
                {p.staffUser.displayName}
              </TableHeaderCell>
              <TableCell numeric>{p.receives}</TableCell>
              <TableCell numeric>{p.newToThem}</TableCell>
              <TableCell className="app-catchup-from">{fromText(p.staffUser.id)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Alert type="warning" title={t('catchUpConfirm.warningTitle')}>
        <Paragraph>{t('catchUpConfirm.warning')}</Paragraph>
      </Alert>
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={busy}>
          {t('catchUpConfirm.confirm', { count: moves.total })}
        </Button>
        <Button appearance="secondary" onClick={onBack}>
          {t('catchUpConfirm.back')}
        </Button>
      </div>
    </section>
  );
}
