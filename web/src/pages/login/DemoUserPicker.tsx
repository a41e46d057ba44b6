import { useTranslation } from 'react-i18next';
import type { DemoUser } from '../../api/models.ts';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { cx } from '../../components/classNames.ts';

// Case work first: most visitors want to see what a werkmatcher sees.
const ROLE_ORDER = ['jobCoach', 'teamLead', 'partnerProfessional', 'employerAdvisor', 'policyOfficer', 'researcher', 'privacyOfficer', 'admin'];
const rank = (u: DemoUser) => Math.min(...u.roles.map((r) => (ROLE_ORDER.includes(r) ? ROLE_ORDER.indexOf(r) : ROLE_ORDER.length)));

/** Municipalities with the most demo users first; within one, by role, then by username. */
function groupByMunicipality(users: DemoUser[]): [string, DemoUser[]][] {
  const groups = new Map<string, DemoUser[]>();
  for (const user of users) {
    const list = groups.get(user.municipalityName) ?? [];
    list.push(user);
    groups.set(user.municipalityName, list);
  }
  for (const list of groups.values()) list.sort((a, b) => rank(a) - rank(b) || a.username.localeCompare(b.username));
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

/** Demo users grouped by municipality; one click on a user logs in as that user. */
export function DemoUserPicker({ users, busyUser, onPick }: { users: DemoUser[]; busyUser?: string; onPick: (username: string) => void }) {
  const { t } = useTranslation();
  if (users.length === 0) return <Paragraph>{t('login.demoNoUsers')}</Paragraph>;
  return (
    <>
      {groupByMunicipality(users).map(([municipality, list], index) => (
        <section key={municipality} className="app-demo-group" aria-labelledby={`demo-group-${index}`}>
          <Heading level={3} id={`demo-group-${index}`}>
            {municipality}
          </Heading>
          <ul className="app-demo-users">
            {list.map((user) => {
              const roles = user.roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ');
              const busy = busyUser === user.username;
              return (
                <li key={user.username}>
                  <button
                    type="button"
                    className={cx('utrecht-button', 'utrecht-button--secondary-action', 'app-demo-user', busy && 'utrecht-button--busy')}
                    aria-busy={busy || undefined}
                    disabled={busyUser !== undefined}
                    onClick={() => onPick(user.username)}
                  >
                    <span className="app-demo-user__name">{user.displayName}</span>
                    <span className="app-demo-user__role">{roles}</span>
                    <span className="app-demo-user__username">{user.username}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
