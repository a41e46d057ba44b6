/** The in-memory picture of one municipality's organisation that resident generation works from. */

export interface CoachModel {
  id: string;
  username: string;
  displayName: string;
  persona: boolean;
  /** Active cases with this coach as contact person (existing plus assigned during this run). */
  load: number;
}

export interface TeamModel {
  id: string;
  name: string;
  kind: 'area' | 'youth';
  /** Used in generated usernames: wm.<slug>.07 */
  slug: string;
  areaIds: string[];
  leadId: string | null;
  coaches: CoachModel[];
}

export interface AreaModel {
  id: string;
  code: string;
  name: string;
  share: number;
  consentShare: number;
  pc4s: number[];
  partnerOrganisationId: string | null;
  /** Professionals of the partner organisation (demo personas first), for plan actions and 3-gesprekken. */
  partnerProfessionals: { id: string; displayName: string }[];
  /** The area team serving this area. */
  teamId: string | null;
}

export interface OrgModel {
  municipalityId: string;
  code: string;
  name: string;
  city: string;
  /** Short name for generated usernames and e-mail domains: 'utrecht'. */
  slug: string;
  areas: AreaModel[];
  teams: TeamModel[];
  youthTeamId: string | null;
  youthShareOfUnder27: number;
}
