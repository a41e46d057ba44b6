import { highestFittingRung, isDayActivityAction } from '../modules/assessments/ladder.rules.ts';
import { ZRM_DOMAINS, type ZrmDomain } from '../modules/assessments/zrm.ts';
import { creationChanges, diffPlans, type OwnerSnapshot, type PlanSnapshot } from '../modules/plans/plan-diff.ts';
import { changeLabel, summarise, type LabelContext } from '../modules/plans/plan-text.ts';
import {
  AGENDA_TEXTS,
  ASSESSMENT_NOTES,
  CANCEL_REASONS,
  DOMAIN_TEXTS,
  MEETING_LOCATIONS,
  NO_SHOW_REPORT,
  REPORT_TEXTS,
  type Owner,
} from './casework.texts.ts';
import { formatDay, instantOn } from './dates.ts';
import type { HistoryFacts } from './history.generator.ts';
import { seedUuid } from './ids.ts';
import type { AreaModel, CoachModel, TeamModel } from './model.ts';
import type { Rng, Weighted } from './random.ts';
import type {
  MeetingParticipantRow,
  MeetingRow,
  PlanActionRow,
  PlanGoalRow,
  ResidentRows,
} from './rows.ts';
import type { SeedStats } from './stats.ts';
import type { StoryRole } from './story.ts';

/**
 * Casework history of one resident (issue 3): ZRM assessments with scores over time, barriers, an active plan with
 * goals and actions and its full version history (plan_versions rows exactly as the plans module writes them: the
 * labelled field-level changes and the snapshot after each version), past meetings with reports (3-gesprekken with
 * the buurtteam when the resident consented), upcoming meetings and notifications. Held meetings coincide with
 * contact moments of the history, so cases.last_contact_at stays the latest contact moment.
 */

export interface CaseworkInput {
  municipalityId: string;
  residentId: string;
  residentName: string;
  startDay: number;
  today: number;
  coach: CoachModel;
  team: TeamModel;
  area: AreaModel;
  facts: HistoryFacts;
  role: StoryRole | null;
}

/** What the matching generator needs to know about the casework just generated. */
export interface CaseworkFacts {
  hasPlan: boolean;
  /** Day of the latest contact moment, or null. */
  lastContactDay: number | null;
}

const MINUTES_UTC_08_00 = 7 * 60;
/** Versions after the creation and the agreement: later changes are grouped into at most this many. */
const MAX_UPDATE_VERSIONS = 1;
const STORY_UPDATE_VERSIONS = 3;

/** ISO weekday (1 = Monday) of a day number (day 0 = Thursday 1970-01-01). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The n-th weekday (Monday–Friday) after `day` (n = 1: the next one). */
export function nthWeekdayAfter(day: number, n: number): number {
  let d = day;
  for (let k = 0; k < n; ) {
    d += 1;
    if (isoWeekday(d) <= 5) k += 1;
  }
  return d;
}

function officeAt(rng: Rng, day: number): Date {
  return instantOn(day, MINUTES_UTC_08_00 + rng.int(0, 28) * 15);
}

const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
const dayOf = (d: Date) => Math.floor(d.getTime() / 86_400_000);

const COMMON: Weighted<number> = [
  [1, 2],
  [2, 12],
  [3, 30],
  [4, 36],
  [5, 20],
];
const RARE_PROBLEM: Weighted<number> = [
  [2, 4],
  [3, 8],
  [4, 28],
  [5, 60],
];
const BASE_SCORES: Readonly<Record<ZrmDomain, Weighted<number>>> = {
  finances: [
    [1, 10],
    [2, 35],
    [3, 35],
    [4, 15],
    [5, 5],
  ],
  workAndEducation: [
    [1, 10],
    [2, 50],
    [3, 35],
    [4, 5],
  ],
  timeUse: COMMON,
  housing: COMMON,
  domesticRelations: COMMON,
  mentalHealth: COMMON,
  physicalHealth: COMMON,
  substanceUse: RARE_PROBLEM,
  basicAdl: RARE_PROBLEM,
  instrumentalAdl: COMMON,
  socialNetwork: COMMON,
  communityParticipation: COMMON,
  justice: RARE_PROBLEM,
};

type Scores = Record<ZrmDomain, number>;

interface Moment {
  day: number;
  at: Date;
  staffId: string;
  channel: string;
}

interface ActionPlan {
  row: PlanActionRow;
  goalTitle: string;
  /** Instant the final status was reached (done, cancelled, inProgress); null while open. */
  statusAt: Date | null;
  statusBy: string;
}

export function generateCasework(rng: Rng, c: CaseworkInput, out: ResidentRows, stats: SeedStats): CaseworkFacts {
  const moments: Moment[] = c.facts.moments;
  const last = moments[moments.length - 1] ?? null;
  const lastContactDay = last ? last.day : null;
  const facts: CaseworkFacts = { hasPlan: false, lastContactDay };
  if (!last) return facts;

  const sinceLast = c.today - last.day;
  const story = c.role;
  const isNew = c.today - c.startDay <= 30 || dayOf(c.facts.currentSince) >= c.today - 30;
  let wantPlan: boolean;
  if (story === 'handover' || story === 'transfer') wantPlan = false;
  else if (story) wantPlan = true;
  else if (sinceLast <= 90) wantPlan = rng.chance(isNew ? 0.25 : 0.45);
  else if (sinceLast <= 365) wantPlan = rng.chance(0.15);
  else wantPlan = false;

  // The plan (and first assessment) starts at a contact moment in the first half of the history window.
  const recent = moments.filter((m) => m.day >= c.today - 730);
  const pool = recent.length > 0 ? recent : moments;
  const startIndex = pool.length <= 2 ? 0 : rng.int(0, Math.floor((pool.length - 1) / 2));
  const start = pool[startIndex] ?? last;
  const later = pool.slice(startIndex + 1);

  const assessedAt: Moment[] = [];
  if (wantPlan || (sinceLast <= 365 && rng.chance(0.1))) {
    assessedAt.push(start);
    let prevDay = start.day;
    for (const m of later) {
      if (assessedAt.length >= 4) break;
      const force = story === 'singleParent' || story === 'threeWay';
      if (m.day - prevDay >= 45 && (force || rng.chance(0.3))) {
        assessedAt.push(m);
        prevDay = m.day;
      }
    }
    // Story residents always show a trend (2–4 assessments); add earlier moments when the history is short.
    if ((story === 'singleParent' || story === 'threeWay') && assessedAt.length < 3) {
      const firstDay = assessedAt[0]?.day ?? c.today;
      for (const back of [120, 240]) {
        const day = firstDay - back;
        if (day > c.startDay) assessedAt.unshift({ day, at: officeAt(rng, day), staffId: start.staffId, channel: 'inPerson' });
        if (assessedAt.length >= 3) break;
      }
    }
  }
  const ladder: { latest: number | null } = { latest: null };
  const scoresOverTime = generateAssessments(rng, c, assessedAt, out, stats, ladder);
  const barrierIds = generateBarriers(rng, c, assessedAt, scoresOverTime, out);

  if (!wantPlan) {
    generateNotifications(c, out);
    return facts;
  }
  facts.hasPlan = true;
  const actions = generatePlan(rng, c, start, later, barrierIds, out, stats, ladder.latest);
  generateMeetings(rng, c, start, later, actions, out, stats);
  generateNotifications(c, out);
  return facts;
}

function generateAssessments(
  rng: Rng,
  c: CaseworkInput,
  at: readonly Moment[],
  out: ResidentRows,
  stats: SeedStats,
  ladder: { latest: number | null },
): Scores[] {
  const series: Scores[] = [];
  let scores = Object.fromEntries(ZRM_DOMAINS.map((d) => [d, rng.weighted(BASE_SCORES[d])])) as Scores;
  if (c.role === 'singleParent') Object.assign(scores, { workAndEducation: 2, domesticRelations: 2, finances: 2 });
  let rung = rng.weighted<number>([
    [1, 8],
    [2, 27],
    [3, 33],
    [4, 27],
    [5, 5],
  ]);
  for (const [k, m] of at.entries()) {
    if (k > 0) {
      scores = { ...scores };
      for (let j = 0; j < 3; j += 1) {
        const d = rng.pick(ZRM_DOMAINS);
        if (rng.chance(0.8) && scores[d] < 5) scores[d] += 1;
        else if (scores[d] > 1 && rng.chance(0.5)) scores[d] -= 1;
      }
      if (rung < 5 && rng.chance(0.45)) rung += 1;
    }
    series.push(scores);
    const id = seedUuid('zrm', c.residentId, k);
    // The rung as the ladder rules allow it (modules/assessments/ladder.rules.ts): nobody here has paid work yet (a
    // placement comes after the assessments), and without a daily rhythm (Tijdsbesteding 3 or lower) not above 3. The
    // barrier on Tijdsbesteding follows the same score, so a rung of 4 never stands beside "slaapt overdag".
    const fitting = Math.min(rung, highestFittingRung({ hasPaidWork: false, timeUseScore: scores.timeUse, openTimeUseBarrier: false, openDayActivityAction: false }));
    const shown = rng.chance(0.9) ? fitting : null;
    if (shown !== null) ladder.latest = shown;
    out.assessments.push({
      municipality_id: c.municipalityId,
      id,
      resident_id: c.residentId,
      scored_by: m.staffId,
      scored_at: m.at,
      note: rng.chance(0.6) ? (k === 0 ? ASSESSMENT_NOTES[1] ?? null : rng.pick(ASSESSMENT_NOTES)) : null,
      ladder_rung: shown,
      created_at: m.at,
    });
    for (const domain of ZRM_DOMAINS) {
      out.scores.push({ municipality_id: c.municipalityId, assessment_id: id, domain, score: scores[domain] });
    }
    stats.assessments += 1;
  }
  return series;
}

/** Barriers in the domains that scored 2 or lower at the first assessment; their status follows the latest one. */
function generateBarriers(
  rng: Rng,
  c: CaseworkInput,
  at: readonly Moment[],
  series: readonly Scores[],
  out: ResidentRows,
): Map<ZrmDomain, string> {
  const ids = new Map<ZrmDomain, string>();
  const first = series[0];
  const latest = series[series.length - 1];
  const when = at[0];
  const lastAt = at[at.length - 1];
  if (!first || !latest || !when || !lastAt) return ids;
  const domains = ZRM_DOMAINS.filter((d) => first[d] <= 2).slice(0, 3);
  for (const domain of domains) {
    const id = seedUuid('barrier', c.residentId, domain);
    const now = latest[domain];
    const status = now >= 4 ? 'resolved' : now === 3 ? 'inProgress' : 'open';
    const changed = status !== 'open';
    out.barriers.push({
      municipality_id: c.municipalityId,
      id,
      resident_id: c.residentId,
      domain,
      description: rng.pick(DOMAIN_TEXTS[domain].barrier),
      status,
      created_by: when.staffId,
      created_at: when.at,
      updated_by: changed ? lastAt.staffId : when.staffId,
      updated_at: changed ? lastAt.at : when.at,
      version: changed ? 2 : 1,
    });
    ids.set(domain, id);
  }
  return ids;
}

interface PlanEvent {
  at: Date;
  by: string;
  role: string;
  apply(s: PlanSnapshot): void;
}

function generatePlan(
  rng: Rng,
  c: CaseworkInput,
  start: Moment,
  later: readonly Moment[],
  barrierIds: ReadonlyMap<ZrmDomain, string>,
  out: ResidentRows,
  stats: SeedStats,
  latestRung: number | null,
): ActionPlan[] {
  const m = c.municipalityId;
  const planId = seedUuid('plan', c.residentId);
  const professional = c.area.partnerProfessionals[0] ?? null;
  const consentFrom = c.facts.consentFromDay;
  const consentAt = (day: number) => consentFrom !== null && consentFrom <= day && professional !== null;

  // Goals: work first, then up to two barriers of other domains (or one supporting goal).
  const domains: ZrmDomain[] = ['workAndEducation'];
  for (const d of barrierIds.keys()) if (d !== 'workAndEducation' && domains.length < 3) domains.push(d);
  if (domains.length === 1 && rng.chance(0.5)) domains.push(rng.pick<ZrmDomain>(['finances', 'domesticRelations', 'physicalHealth']));
  if (c.role === 'singleParent' && !domains.includes('domesticRelations')) domains.splice(1, 0, 'domesticRelations');

  const goals: PlanGoalRow[] = domains.map((domain, i) => ({
    municipality_id: m,
    id: seedUuid('goal', planId, i),
    plan_id: planId,
    title:
      c.role === 'singleParent' && domain === 'workAndEducation'
        ? 'Betaald werk onder schooltijd'
        : c.role === 'singleParent' && domain === 'domesticRelations'
          ? 'Opvang voor de kinderen geregeld'
          : rng.pick(DOMAIN_TEXTS[domain].goal),
    description: null,
    life_domain: domain,
    barrier_id: barrierIds.get(domain) ?? null,
    status: 'open',
    position: i + 1,
    created_by: start.staffId,
    created_at: start.at,
    updated_at: start.at,
  }));

  const actions: ActionPlan[] = [];
  const addAction = (goal: PlanGoalRow, owner: Owner, description: string, when: Date, createdBy: string, dueDay: number) => {
    // Nothing is added to a plan before it exists.
    const createdAt = when.getTime() < start.at.getTime() ? addMinutes(start.at, 60) : when;
    const position = actions.filter((a) => a.row.goal_id === goal.id).length + 1;
    const createdDay = dayOf(createdAt);
    let ownerCols: Pick<PlanActionRow, 'owner_type' | 'owner_staff_user_id' | 'owner_partner_organisation_id' | 'owner_name'>;
    if (owner === 'jobCoach')
      ownerCols = { owner_type: 'jobCoach', owner_staff_user_id: c.coach.id, owner_partner_organisation_id: null, owner_name: null };
    else if (owner === 'partner' && consentAt(createdDay) && professional && c.area.partnerOrganisationId)
      ownerCols = {
        owner_type: 'partnerProfessional',
        owner_staff_user_id: professional.id,
        owner_partner_organisation_id: c.area.partnerOrganisationId,
        owner_name: null,
      };
    else if (owner === 'partner')
      ownerCols = { owner_type: 'otherPartner', owner_staff_user_id: null, owner_partner_organisation_id: null, owner_name: 'Welzijnsorganisatie in de wijk' };
    else ownerCols = { owner_type: 'resident', owner_staff_user_id: null, owner_partner_organisation_id: null, owner_name: null };
    const row: PlanActionRow = {
      municipality_id: m,
      id: seedUuid('action', planId, goal.id, position),
      plan_id: planId,
      goal_id: goal.id,
      description,
      ...ownerCols,
      due_date: formatDay(dueDay),
      status: 'open',
      completed_at: null,
      position,
      created_by: createdBy,
      created_at: createdAt,
      updated_at: createdAt,
    };
    actions.push({ row, goalTitle: goal.title, statusAt: null, statusBy: createdBy });
    return row;
  };

  // Someone on rung 4 or higher (by the latest assessment) is not working towards dagbesteding (ladder.rules.ts).
  const actionsOf = (domain: ZrmDomain) =>
    DOMAIN_TEXTS[domain].actions.filter(([, text]) => latestRung === null || latestRung < 4 || !isDayActivityAction(text));
  for (const goal of goals) {
    const options = [...actionsOf((goal.life_domain ?? 'workAndEducation') as ZrmDomain)];
    rng.shuffle(options);
    const n = Math.min(options.length, rng.int(1, 3));
    for (let k = 0; k < n; k += 1) {
      const [owner, text] = options[k] ?? ['resident', 'Afspraak maken'];
      addAction(goal, owner, text, start.at, start.staffId, start.day + rng.int(14, 75));
    }
  }
  // Actions agreed at later contact moments.
  for (const mo of later) {
    if (!rng.chance(0.3)) continue;
    const goal = rng.pick(goals);
    const choices = actionsOf((goal.life_domain ?? 'workAndEducation') as ZrmDomain);
    if (choices.length === 0) continue;
    const [owner, text] = rng.pick(choices);
    addAction(goal, owner, text, mo.at, mo.staffId, mo.day + rng.int(10, 60));
  }

  // Story: actions for the werklijst (one overdue for the werkmatcher, one due today for the resident, one for the
  // buurtteam) and the single parent's school-hours plan.
  const work = goals[0];
  if (c.role === 'threeWay' && work) {
    const at = officeAt(rng, c.today - 23);
    addAction(work, 'jobCoach', 'Proefplaatsing bij de groenvoorziening regelen', at, c.coach.id, c.today - 6);
    addAction(work, 'resident', 'Sollicitatiebrief voor het magazijn afmaken en versturen', at, c.coach.id, c.today);
    addAction(work, 'partner', 'Budgetcoach inschakelen voor de schulden', at, c.coach.id, c.today + 9);
  }
  if (c.role === 'singleParent' && work) {
    const at = officeAt(rng, c.today - 9);
    addAction(work, 'jobCoach', 'Werkprofiel invullen en vacatures onder schooltijd zoeken', at, c.coach.id, c.today - 2);
    addAction(work, 'resident', 'Cv aanvullen met het vrijwilligerswerk op school', at, c.coach.id, c.today + 5);
    const opvang = goals.find((g) => g.life_domain === 'domesticRelations');
    if (opvang) addAction(opvang, 'partner', 'Kinderopvang regelen voor de werkdagen', at, c.coach.id, c.today + 12);
  }
  if ((c.role === 'meetingThisWeek' || c.role === 'overNorm') && work) {
    const at = officeAt(rng, c.today - (c.role === 'overNorm' ? 160 : 14));
    addAction(work, 'jobCoach', 'Terugbellen over de werkervaringsplek', at, c.coach.id, c.today - (c.role === 'overNorm' ? 40 : 1));
  }

  // Final statuses: most actions due in the past are done; some are overdue (still open).
  const storyFixed = new Set(c.role ? actions.slice(-3).map((a) => a.row.id) : []);
  for (const a of actions) {
    const due = Math.floor(Date.parse(`${a.row.due_date}T00:00:00Z`) / 86_400_000);
    const created = dayOf(a.row.created_at);
    if (storyFixed.has(a.row.id) || created >= c.today - 1) continue;
    const byWhom = a.row.owner_type === 'partnerProfessional' && a.row.owner_staff_user_id ? a.row.owner_staff_user_id : c.coach.id;
    if (due < c.today) {
      // Long overdue actions were closed at some point (done or cancelled); the recent ones may still be open.
      const longOverdue = due < c.today - 90;
      const s = rng.weighted<PlanActionRow['status']>([
        ['done', 68],
        ['open', longOverdue ? 0 : 20],
        ['inProgress', longOverdue ? 0 : 6],
        ['cancelled', longOverdue ? 32 : 6],
      ]);
      if (s === 'open') continue;
      const day = rng.int(created + 1, Math.max(created + 1, Math.min(due + 14, c.today - 1)));
      a.row.status = s;
      a.statusAt = officeAt(rng, day);
      a.statusBy = byWhom;
    } else if (rng.chance(0.3)) {
      a.row.status = 'inProgress';
      a.statusAt = officeAt(rng, rng.int(created + 1, c.today - 1));
      a.statusBy = byWhom;
    }
    if (a.statusAt) {
      a.row.updated_at = a.statusAt;
      if (a.row.status === 'done') a.row.completed_at = a.statusAt;
    }
  }
  // A goal whose actions are all done is often achieved.
  const achievedAt = new Map<string, Date>();
  for (const g of goals) {
    const mine = actions.filter((a) => a.row.goal_id === g.id);
    if (mine.length > 0 && mine.every((a) => a.row.status === 'done') && rng.chance(0.6)) {
      const lastDone = mine.reduce((t, a) => Math.max(t, a.statusAt?.getTime() ?? 0), 0);
      const at = new Date(lastDone + 3_600_000);
      g.status = 'achieved';
      g.updated_at = at;
      achievedAt.set(g.id, at);
    }
  }

  // Events in time order; each becomes one version.
  const ownerOf = (a: PlanActionRow): OwnerSnapshot => ({
    type: a.owner_type,
    staffUserId: a.owner_staff_user_id,
    partnerOrganisationId: a.owner_partner_organisation_id,
    name: a.owner_name,
  });
  const goalSnap = (g: PlanGoalRow, status: string) => ({
    id: g.id,
    title: g.title,
    description: g.description,
    lifeDomain: g.life_domain,
    barrierId: g.barrier_id,
    status,
    position: g.position,
  });
  const actionSnap = (a: PlanActionRow, status: string) => ({
    id: a.id,
    goalId: a.goal_id,
    description: a.description,
    owner: ownerOf(a),
    dueDate: a.due_date,
    status,
    position: a.position,
  });
  const roleOf = (staffId: string) => (staffId === professional?.id ? 'partnerProfessional' : 'jobCoach');
  const events: PlanEvent[] = [];
  const initial = actions.filter((a) => a.row.created_at.getTime() === start.at.getTime());
  events.push({
    at: start.at,
    by: start.staffId,
    role: 'jobCoach',
    apply: (s) => {
      s.goals = goals.map((g) => goalSnap(g, 'open'));
      s.actions = initial.map((a) => actionSnap(a.row, 'open'));
    },
  });
  const agreed = c.role !== null || rng.chance(0.85);
  let agreementAt: Date | null = null;
  if (agreed) {
    // Agreed at the end of the meeting where the plan was made.
    agreementAt = addMinutes(start.at, 30);
    const on = formatDay(dayOf(agreementAt));
    events.push({
      at: agreementAt,
      by: start.staffId,
      role: 'jobCoach',
      apply: (s) => {
        s.agreedOn = on;
        s.agreedHow = 'inPerson';
      },
    });
  }
  for (const a of actions) {
    if (initial.includes(a)) continue;
    events.push({ at: a.row.created_at, by: a.row.created_by, role: 'jobCoach', apply: (s) => void s.actions.push(actionSnap(a.row, 'open')) });
  }
  for (const a of actions) {
    if (!a.statusAt) continue;
    const status = a.row.status;
    events.push({
      at: a.statusAt,
      by: a.statusBy,
      role: roleOf(a.statusBy),
      apply: (s) => {
        const x = s.actions.find((y) => y.id === a.row.id);
        if (x) x.status = status;
      },
    });
  }
  for (const g of goals) {
    const at = achievedAt.get(g.id);
    if (!at) continue;
    events.push({
      at,
      by: c.coach.id,
      role: 'jobCoach',
      apply: (s) => {
        const x = s.goals.find((y) => y.id === g.id);
        if (x) x.status = 'achieved';
      },
    });
  }
  // Stable order by time (the creation first). Later changes are recorded in at most MAX_UPDATE_VERSIONS versions:
  // a werkmatcher updates the plan in a few sittings, not one version per tick.
  const ordered = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i)
    .map((x) => x.e);
  const head = ordered.filter((e) => e === ordered[0] || e.at === agreementAt);
  const rest = ordered.filter((e) => !head.includes(e));
  const batches: PlanEvent[][] = head.map((e) => [e]);
  const size = Math.ceil(rest.length / (c.role ? STORY_UPDATE_VERSIONS : MAX_UPDATE_VERSIONS));
  for (let i = 0; i < rest.length; i += size) batches.push(rest.slice(i, i + size));
  // Changes before a handover were made by the previous werkmatcher.
  const handover = c.facts.handoverDay;
  const actor = (e: PlanEvent) =>
    handover !== null && c.facts.previousCoachId && e.by === c.coach.id && dayOf(e.at) < handover ? c.facts.previousCoachId : e.by;

  const goalTitles = new Map(goals.map((g) => [g.id, g.title]));
  const actionTexts = new Map(actions.map((a) => [a.row.id, a.row.description]));
  const labels: LabelContext = {
    goalTitle: (id) => goalTitles.get(id),
    actionDescription: (id) => actionTexts.get(id),
    ownerName: (o) => {
      if (o.type === 'resident') return `${c.residentName} (inwoner)`;
      if (o.type === 'otherPartner') return o.name ?? 'andere partner';
      if (o.staffUserId === c.coach.id) return c.coach.displayName;
      if (professional && o.staffUserId === professional.id) return professional.displayName;
      return o.type === 'jobCoach' ? 'werkmatcher' : 'buurtteam';
    },
  };
  let snap: PlanSnapshot = { id: planId, status: 'active', agreedOn: null, agreedHow: null, goals: [], actions: [] };
  let agreedAtVersion: number | null = null;
  let version = 0;
  let lastAt = start.at;
  let lastBy = start.staffId;
  for (const batch of batches) {
    const e = batch[batch.length - 1];
    if (!e) continue;
    const next = structuredClone(snap);
    for (const x of batch) x.apply(next);
    const changes = version === 0 ? creationChanges(next) : diffPlans(snap, next);
    if (changes.length === 0) continue;
    version += 1;
    const labelled = changes.map((ch) => ({ ...ch, label: changeLabel(ch, labels) }));
    const by = actor(e);
    out.planVersions.push({
      municipality_id: m,
      plan_id: planId,
      version,
      changed_by: by,
      changed_at: e.at,
      role: e.role,
      summary: summarise(labelled),
      changes: JSON.stringify(labelled),
      snapshot: JSON.stringify(next),
    });
    if (batch.some((x) => x.at === agreementAt)) agreedAtVersion = version;
    snap = next;
    lastAt = e.at;
    lastBy = by;
  }

  out.plans.push({
    municipality_id: m,
    id: planId,
    resident_id: c.residentId,
    status: 'active',
    version,
    agreed_on: snap.agreedOn,
    agreed_how: snap.agreedHow,
    agreed_at_version: snap.agreedOn ? agreedAtVersion : null,
    agreement_recorded_by: snap.agreedOn ? start.staffId : null,
    closed_at: null,
    created_by: start.staffId,
    created_at: start.at,
    updated_by: lastBy,
    updated_at: lastAt,
  });
  out.goals.push(...goals);
  out.actions.push(...actions.map((a) => a.row));
  stats.plans += 1;
  return actions;
}

function generateMeetings(
  rng: Rng,
  c: CaseworkInput,
  start: Moment,
  later: readonly Moment[],
  actions: readonly ActionPlan[],
  out: ResidentRows,
  stats: SeedStats,
): void {
  const m = c.municipalityId;
  const professional = c.area.partnerProfessionals[0] ?? null;
  const partnerOrg = c.area.partnerOrganisationId;
  const consentFrom = c.facts.consentFromDay;
  const consentAt = (day: number) => consentFrom !== null && consentFrom <= day && professional !== null && partnerOrg !== null;
  const location = MEETING_LOCATIONS[c.area.code] ?? MEETING_LOCATIONS.default ?? null;
  let k = 0;

  const add = (input: {
    type: MeetingRow['type'];
    startsAt: Date;
    minutes: number;
    status: MeetingRow['status'];
    organiser: string;
    withPartner: boolean;
    mode?: MeetingRow['mode'];
    report?: string | null;
    agreed?: readonly ActionPlan[];
  }) => {
    const id = seedUuid('meeting', c.residentId, k);
    k += 1;
    const endsAt = addMinutes(input.startsAt, input.minutes);
    const createdAt = addMinutes(input.startsAt, -(rng.int(3, 14) * 24 * 60));
    const reported = input.status === 'held' || input.status === 'noShow';
    const reportAt = reported ? addMinutes(endsAt, 30 + rng.int(0, 20) * 15) : null;
    const cancelled = input.status === 'cancelled';
    const cancelAt = cancelled ? addMinutes(input.startsAt, -(rng.int(1, 2) * 24 * 60)) : null;
    const mode = input.mode ?? 'inPerson';
    const row: MeetingRow = {
      municipality_id: m,
      id,
      resident_id: c.residentId,
      type: input.type,
      starts_at: input.startsAt,
      ends_at: endsAt,
      mode,
      location: mode === 'inPerson' ? (input.type === 'homeVisit' ? 'Bij de inwoner thuis' : location) : null,
      video_url: mode === 'video' ? `https://video.example.org/samenplan/${id.slice(0, 8)}` : null,
      agenda: rng.pick(AGENDA_TEXTS),
      status: input.status,
      cancelled_at: cancelAt,
      cancel_reason: cancelled ? rng.pick(CANCEL_REASONS) : null,
      report: input.report ?? null,
      report_recorded_by: reported ? input.organiser : null,
      report_recorded_at: reportAt,
      agreed_actions: JSON.stringify(
        (input.agreed ?? []).map((a) => ({
          description: a.row.description,
          goalTitle: a.goalTitle,
          owner: { type: a.row.owner_type, name: ownerLabel(c, a.row, professional) },
          dueDate: a.row.due_date,
        })),
      ),
      organiser_id: input.organiser,
      created_at: createdAt,
      updated_by: input.organiser,
      updated_at: reportAt ?? cancelAt ?? createdAt,
      version: reported || cancelled ? 2 : 1,
      ics_sequence: cancelled ? 1 : 0,
    };
    out.meetings.push(row);
    const attended = input.status === 'held' ? true : input.status === 'noShow' ? false : null;
    const staffAttended = reported ? true : null;
    const participants: MeetingParticipantRow[] = [
      { municipality_id: m, meeting_id: id, id: seedUuid('participant', id, 0), kind: 'resident', staff_user_id: null, partner_organisation_id: null, attended },
      { municipality_id: m, meeting_id: id, id: seedUuid('participant', id, 1), kind: 'staff', staff_user_id: input.organiser, partner_organisation_id: null, attended: staffAttended },
    ];
    if (input.withPartner && professional && partnerOrg) {
      participants.push({
        municipality_id: m,
        meeting_id: id,
        id: seedUuid('participant', id, 2),
        kind: 'partnerProfessional',
        staff_user_id: professional.id,
        partner_organisation_id: partnerOrg,
        attended: staffAttended,
      });
    }
    out.participants.push(...participants);
    if (input.status === 'planned') stats.meetingsPlanned += 1;
    else stats.meetingsPast += 1;
  };

  // The meeting where the plan was made.
  const forceThreeWay = c.role === 'singleParent' || c.role === 'threeWay';
  const threeWay = consentAt(start.day) && (forceThreeWay || rng.chance(0.7));
  const startType: MeetingRow['type'] = threeWay ? 'threeWay' : start.day - c.startDay <= 45 ? 'intake' : 'followUp';
  add({
    type: startType,
    startsAt: start.at,
    minutes: threeWay ? 60 : 45,
    status: 'held',
    organiser: start.staffId,
    withPartner: threeWay,
    report: rng.pick(REPORT_TEXTS[startType === 'threeWay' ? 'threeWay' : startType]),
    agreed: actions.filter((a) => a.row.created_at.getTime() === start.at.getTime()),
  });
  // Later face-to-face contact moments were often meetings with a report.
  for (const mo of later) {
    if (!['inPerson', 'video', 'homeVisit'].includes(mo.channel) || !rng.chance(0.5)) continue;
    const type: MeetingRow['type'] = mo.channel === 'homeVisit' ? 'homeVisit' : 'followUp';
    add({
      type,
      startsAt: mo.at,
      minutes: 45,
      status: 'held',
      organiser: mo.staffId,
      withPartner: false,
      mode: mo.channel === 'video' ? 'video' : 'inPerson',
      report: rng.pick(REPORT_TEXTS[type]),
      agreed: actions.filter((a) => a.row.created_at.getTime() === mo.at.getTime()),
    });
  }
  const lastDay = later[later.length - 1]?.day ?? start.day;
  if (c.today - lastDay > 10 && rng.chance(0.08)) {
    const day = rng.int(lastDay + 1, c.today - 2);
    if (isoWeekday(day) <= 5) add({ type: 'followUp', startsAt: officeAt(rng, day), minutes: 45, status: 'noShow', organiser: c.coach.id, withPartner: false, report: NO_SHOW_REPORT });
  }
  if (c.today - lastDay > 10 && rng.chance(0.04)) {
    const day = rng.int(lastDay + 1, c.today - 2);
    if (isoWeekday(day) <= 5) add({ type: 'followUp', startsAt: officeAt(rng, day), minutes: 45, status: 'cancelled', organiser: c.coach.id, withPartner: false });
  }

  // Upcoming meetings.
  const at = (n: number, minutesUtc: number) => instantOn(nthWeekdayAfter(c.today, n), minutesUtc);
  if (c.role === 'threeWay') {
    add({ type: 'threeWay', startsAt: at(2, 9 * 60), minutes: 60, status: 'planned', organiser: c.coach.id, withPartner: true });
  } else if (c.role === 'singleParent') {
    add({ type: 'followUp', startsAt: at(1, 12 * 60 + 30), minutes: 45, status: 'planned', organiser: c.coach.id, withPartner: false });
  } else if (c.role === 'meetingThisWeek') {
    add({ type: 'followUp', startsAt: at(3, 8 * 60 + 30), minutes: 45, status: 'planned', organiser: c.coach.id, withPartner: false, mode: 'video' });
  } else if (c.role === 'homeVisitNextWeek') {
    add({ type: 'homeVisit', startsAt: at(7, 10 * 60), minutes: 60, status: 'planned', organiser: c.coach.id, withPartner: consentAt(c.today) });
  } else if (c.today - lastDay <= 60 && rng.chance(0.08)) {
    const withPartner = consentAt(c.today) && rng.chance(0.4);
    add({
      type: withPartner ? 'threeWay' : 'followUp',
      startsAt: at(rng.int(1, 9), MINUTES_UTC_08_00 + rng.int(0, 14) * 30),
      minutes: 45,
      status: 'planned',
      organiser: c.coach.id,
      withPartner,
    });
  }
}

function ownerLabel(c: CaseworkInput, a: PlanActionRow, professional: { id: string; displayName: string } | null): string {
  if (a.owner_type === 'resident') return c.residentName;
  if (a.owner_type === 'otherPartner') return a.owner_name ?? 'Andere partner';
  if (a.owner_type === 'partnerProfessional') return professional?.displayName ?? 'Buurtteam';
  return c.coach.displayName;
}

/** A "new in your caseload" notification for a handover in the last 30 days (unread when it is very recent). */
function generateNotifications(c: CaseworkInput, out: ResidentRows): void {
  const h = c.facts.handoverDay;
  if (h === null || c.today - h > 30) return;
  const at = c.facts.currentSince;
  out.notifications.push({
    municipality_id: c.municipalityId,
    id: seedUuid('notification', c.residentId, 'handover'),
    staff_user_id: c.coach.id,
    kind: 'newInCaseload',
    title: '1 inwoner nieuw in uw caseload',
    body: 'Overgedragen door uw teamleider. De overdrachtsnotitie staat bovenaan uw werklijst.',
    link: '/werklijst',
    created_at: addMinutes(at, 1),
    read_at: c.today - h > 7 ? addMinutes(at, 24 * 60) : null,
    emailed_at: null,
    dedupe_key: `reassignment:seed:${seedUuid('assignment', c.residentId, 0)}`,
  });
}

