import { todayInNl } from '../../domain/dates.ts';
import type { AssessmentRow, BarrierRow } from './assessments.store.ts';
import {
  BARRIER_STATUS_LABELS,
  BARRIER_STATUSES,
  LADDER_MAX_RUNG,
  LADDER_MIN_RUNG,
  LADDER_RUNG_LABELS,
  OUTDATED_AFTER_DAYS,
  ZRM_DOMAINS,
  ZRM_DOMAIN_LABELS,
  ZRM_MAX_SCORE,
  ZRM_MIN_SCORE,
  ZRM_SCORE_LABELS,
  historyOf,
  isOutdated,
  isZrmDomain,
  trend,
  type BarrierStatus,
  type Observation,
  type ZrmDomain,
} from './zrm.ts';
import { wholeList } from '../../platform/http/list.ts';

// What leaves the building for the "Situatie" section. Labels are Dutch (the API's language); the web app has
// the English ones through GET /assessment-scales. `outdated` and the trend are computed here, never in the browser.

const domainOrder = new Map<string, number>(ZRM_DOMAINS.map((d, i) => [d, i]));
const scoreLabel = (score: number) => ZRM_SCORE_LABELS[score]?.nl ?? String(score);
const rungLabel = (rung: number) => LADDER_RUNG_LABELS[rung]?.nl ?? String(rung);
const domainLabel = (domain: string) => (isZrmDomain(domain) ? ZRM_DOMAIN_LABELS[domain].nl : domain);

export function presentAssessment(a: AssessmentRow, now: Date) {
  return {
    id: a.id,
    scoredAt: a.scored_at.toISOString(),
    scoredBy: { id: a.scored_by, displayName: a.scored_by_name },
    note: a.note,
    ladderRung: a.ladder_rung,
    ladderLabel: a.ladder_rung === null ? null : rungLabel(a.ladder_rung),
    outdated: isOutdated(a.scored_at, now),
    scores: [...a.scores]
      .sort((x, y) => (domainOrder.get(x.domain) ?? 99) - (domainOrder.get(y.domain) ?? 99))
      .map((s) => ({ domain: s.domain as ZrmDomain, label: domainLabel(s.domain), score: s.score, scoreLabel: scoreLabel(s.score) })),
  };
}

type Key = ZrmDomain | 'ladder';

function observationsOf(rows: readonly AssessmentRow[]): Observation<Key>[] {
  const out: Observation<Key>[] = [];
  for (const a of rows) {
    for (const s of a.scores) if (isZrmDomain(s.domain)) out.push({ assessmentId: a.id, key: s.domain, value: s.score, scoredAt: a.scored_at });
    if (a.ladder_rung !== null) out.push({ assessmentId: a.id, key: 'ladder', value: a.ladder_rung, scoredAt: a.scored_at });
  }
  return out;
}

/** Per domain and for the ladder: the latest value (with outdated flag), its direction and the series for the chart. */
export function presentTrend(rows: readonly AssessmentRow[], now: Date) {
  const observations = observationsOf(rows);
  const series = (key: Key) => historyOf(observations, key).reverse();
  const point = (o: Observation<Key>) => ({ date: todayInNl(o.scoredAt), scoredAt: o.scoredAt.toISOString() });
  const domains = ZRM_DOMAINS.map((domain) => {
    const points = series(domain);
    const latest = points[points.length - 1];
    return {
      domain,
      label: ZRM_DOMAIN_LABELS[domain].nl,
      latest: latest
        ? { score: latest.value, scoreLabel: scoreLabel(latest.value), scoredAt: latest.scoredAt.toISOString(), outdated: isOutdated(latest.scoredAt, now) }
        : null,
      direction: trend(observations, domain),
      points: points.map((o) => ({ ...point(o), score: o.value })),
    };
  });
  const ladderPoints = series('ladder');
  const lastRung = ladderPoints[ladderPoints.length - 1];
  return {
    domains,
    ladder: {
      latest: lastRung
        ? { rung: lastRung.value, label: rungLabel(lastRung.value), scoredAt: lastRung.scoredAt.toISOString(), outdated: isOutdated(lastRung.scoredAt, now) }
        : null,
      direction: trend(observations, 'ladder'),
      points: ladderPoints.map((o) => ({ ...point(o), rung: o.value })),
    },
  };
}

export function presentHistory(rows: readonly AssessmentRow[], now = new Date()) {
  return {
    ...wholeList(rows.map((a) => presentAssessment(a, now))),
    trend: presentTrend(rows, now),
    outdatedAfterDays: OUTDATED_AFTER_DAYS,
  };
}

export function presentBarrier(b: BarrierRow) {
  const status = b.status as BarrierStatus;
  return {
    id: b.id,
    domain: b.domain as ZrmDomain,
    domainLabel: domainLabel(b.domain),
    description: b.description,
    status,
    statusLabel: BARRIER_STATUS_LABELS[status]?.nl ?? status,
    createdAt: b.created_at.toISOString(),
    createdBy: { id: b.created_by, displayName: b.created_by_name },
    updatedAt: b.updated_at.toISOString(),
    updatedBy: { id: b.updated_by, displayName: b.updated_by_name },
    version: b.version,
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Reference data for forms and legends, in Dutch and English. No personal data. */
export function presentScales() {
  return {
    domains: ZRM_DOMAINS.map((d) => ({ code: d, label: ZRM_DOMAIN_LABELS[d].nl, labelEn: ZRM_DOMAIN_LABELS[d].en })),
    scores: range(ZRM_MIN_SCORE, ZRM_MAX_SCORE).map((v) => ({ value: v, label: ZRM_SCORE_LABELS[v]!.nl, labelEn: ZRM_SCORE_LABELS[v]!.en })),
    ladderRungs: range(LADDER_MIN_RUNG, LADDER_MAX_RUNG).map((v) => ({ value: v, label: LADDER_RUNG_LABELS[v]!.nl, labelEn: LADDER_RUNG_LABELS[v]!.en })),
    barrierStatuses: BARRIER_STATUSES.map((s) => ({ code: s, label: BARRIER_STATUS_LABELS[s].nl, labelEn: BARRIER_STATUS_LABELS[s].en })),
    outdatedAfterDays: OUTDATED_AFTER_DAYS,
  };
}
