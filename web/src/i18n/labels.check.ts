import type * as M from '../api/models.ts';
import type en from './en.json';
import type enEmployers from './en.employers.json';
import type enMatching from './en.matching.json';
import type nl from './nl.json';
import type nlEmployers from './nl.employers.json';
import type nlMatching from './nl.matching.json';

// Compile-time check (no page imports this file): every label map in the translations covers every value of the generated
// union it labels. A new value in the OpenAPI document (a ZRM domain, a status, a match criterion…) fails
// `npm run typecheck` until both languages have a label for it.

type Labels<U extends string> = Record<U, string>;

interface LabelMaps {
  zrmDomain: Labels<M.ZrmDomain>;
  barrierStatus: Labels<M.BarrierStatus>;
  trend: Labels<M.TrendDirection>;
  planGoalStatus: Labels<M.PlanGoalStatus>;
  planActionStatus: Labels<M.PlanActionStatus>;
  agreementHow: Labels<M.AgreementChannel>;
  agreementHowOption: Labels<M.AgreementChannel>;
  meetingType: Labels<M.MeetingType>;
  meetingMode: Labels<M.MeetingMode>;
  meetingStatus: Labels<M.MeetingStatus>;
  contactChannel: Labels<M.ContactChannel>;
  householdType: Labels<M.HouseholdType>;
  educationLevel: Labels<M.EducationLevel>;
  caseStatus: Labels<M.CaseStatus>;
  caseloadStatus: Labels<M.ResidentStatusFilter>;
  catchUpStatus: Labels<M.CatchUpCampaign['status']>;
  catchUpDivision: Labels<M.CatchUpDivision>;
  vacancyStatus: Labels<M.VacancyStatus>;
  vacancyStatusDescription: Labels<M.VacancyStatus>;
  vacancyContractType: Labels<M.ContractType>;
  vacancyInstrument: Labels<M.Instrument>;
  vacancyInstrumentDescription: Labels<M.Instrument>;
  workProfileContractType: Labels<M.ContractType>;
  workProfilePlacementOutflow: Labels<M.Outflow>;
  workProfilePlacementStatus: Labels<M.Placement['status']>;
  placementOutflow: Labels<M.Outflow>;
  placementOutflowDescription: Labels<M.Outflow>;
  placementStatus: Labels<M.Placement['status']>;
  agreementKind: Labels<M.AgreementKind>;
  agreementKindDescription: Labels<M.AgreementKind>;
  candidateStatus: Labels<M.ProposalStatus>;
  criterion: Labels<M.Criterion>;
  proposalStatus: Labels<M.ProposalStatus>;
  proposalHow: Labels<M.ResponseHow>;
  fairnessDimension: Labels<M.FairnessDimension>;
  fairnessWarning: Labels<M.FairnessStage>;
  worklistActionOwner: Labels<M.Worklist['dueActions'][number]['ownerType']>;
  role: Labels<M.Session['user']['roles'][number]>;
}

type Nl = typeof nl & typeof nlEmployers & typeof nlMatching;
type En = typeof en & typeof enEmployers & typeof enMatching;

/** Both languages at once: each map must fit in Dutch and in English. */
export function labelMaps(m: Nl | En): LabelMaps {
  return {
    zrmDomain: m.situation.domain,
    barrierStatus: m.situation.barrierStatus,
    trend: m.situation.trend,
    planGoalStatus: m.plan.goalStatus,
    planActionStatus: m.plan.actionStatus,
    agreementHow: m.plan.agreement.how,
    agreementHowOption: m.plan.agreement.howOption,
    meetingType: m.meetings.type,
    meetingMode: m.meetings.mode,
    meetingStatus: m.meetings.status,
    contactChannel: m.contactChannel,
    householdType: m.householdType,
    educationLevel: m.educationLevel,
    caseStatus: m.caseStatus,
    caseloadStatus: m.caseload.status,
    catchUpStatus: m.team.catchUp.status,
    catchUpDivision: m.team.catchUp.divisions,
    vacancyStatus: m.vacancies.status,
    vacancyStatusDescription: m.vacancies.statusDescription,
    vacancyContractType: m.vacancies.contractType,
    vacancyInstrument: m.vacancies.instrument,
    vacancyInstrumentDescription: m.vacancies.instrumentDescription,
    workProfileContractType: m.workProfile.contractType,
    workProfilePlacementOutflow: m.workProfile.placements.outflow,
    workProfilePlacementStatus: m.workProfile.placements.status,
    placementOutflow: m.placements.outflow,
    placementOutflowDescription: m.placements.outflowDescription,
    placementStatus: m.placements.status,
    agreementKind: m.employers.agreements.kind,
    role: m.roles,
    agreementKindDescription: m.employers.agreements.kindDescription,
    candidateStatus: m.candidates.status,
    criterion: m.candidates.criterion,
    proposalStatus: m.proposals.status,
    proposalHow: m.proposals.howOption,
    fairnessDimension: m.fairness.dimensionOption,
    fairnessWarning: m.fairness.warning,
    worklistActionOwner: m.worklist.actions.owner,
  };
}
