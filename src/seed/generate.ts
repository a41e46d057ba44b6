import type { Faker } from '@faker-js/faker';
import type { BsnAllocator } from './bsn-range.ts';
import { generateCasework } from './casework.generator.ts';
import { generateEmployment, type EmploymentPool } from './employers.generator.ts';
import { generateHistory } from './history.generator.ts';
import type { OrgModel } from './model.ts';
import { createDutchFaker } from './names.ts';
import { hashSeed, Rng } from './random.ts';
import { generatePerson, WITHOUT_STARTKWALIFICATIE } from './residents.generator.ts';
import { emptyResidentRows, type ResidentRow, type ResidentRows } from './rows.ts';
import { teamFor, type Skeleton } from './skeleton.ts';
import type { CoachPicker } from './staff.ts';
import { emptyStats, type SeedStats } from './stats.ts';
import { STORY_COACH, type StoryCasting } from './story.ts';

/**
 * Residents are generated in blocks of BLOCK_SIZE; each block reseeds the PRNG and faker from the run seed,
 * so a resident's data does not depend on how the caller chunks its transactions.
 */
export const BLOCK_SIZE = 1000;

export interface GenerationContext {
  org: OrgModel;
  skeleton: Skeleton;
  picker: CoachPicker;
  bsn: BsnAllocator;
  runSeed: string;
  today: number;
  historyDays: number;
  contactNormDays: number;
  stats: SeedStats;
  faker: Faker;
  /** Casework history (assessments, plans, meetings); default true. */
  casework: boolean;
  /** The demo story cast (demo Utrecht only), else null. */
  story: StoryCasting | null;
  /** Employers and vacancies of the municipality: work profiles, proposals and placements; null: none. */
  employment: EmploymentPool | null;
}

export function createGenerationContext(
  input: Omit<GenerationContext, 'stats' | 'faker' | 'casework' | 'story' | 'employment'> &
    Partial<Pick<GenerationContext, 'casework' | 'story' | 'employment'>>,
): GenerationContext {
  return {
    ...input,
    casework: input.casework ?? true,
    story: input.story ?? null,
    employment: input.employment ?? null,
    stats: emptyStats(),
    faker: createDutchFaker(hashSeed(input.runSeed, 'faker')),
  };
}

/** Generates residents [from, to) of the skeleton with everything that belongs to them. */
export function generateRange(ctx: GenerationContext, from: number, to: number): ResidentRows {
  const out = emptyResidentRows();
  appendRange(ctx, from, to, out);
  return out;
}

/**
 * The same, yielding to the event loop after every block, so database round trips of an insert that is
 * still running proceed while the next rows are generated.
 */
export async function generateRangeYielding(
  ctx: GenerationContext,
  from: number,
  to: number,
): Promise<ResidentRows> {
  const out = emptyResidentRows();
  for (let block = from; block < to; block += BLOCK_SIZE) {
    appendRange(ctx, block, Math.min(to, block + BLOCK_SIZE), out);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

function appendRange(ctx: GenerationContext, from: number, to: number, out: ResidentRows): void {
  if (from % BLOCK_SIZE !== 0) throw new Error(`generation must start at a multiple of ${BLOCK_SIZE}`);
  const { org, skeleton, stats } = ctx;
  let rng = new Rng(0);
  for (let i = from; i < Math.min(to, skeleton.size); i += 1) {
    if (i % BLOCK_SIZE === 0) {
      rng = new Rng(hashSeed(ctx.runSeed, 'block', i / BLOCK_SIZE));
      ctx.faker.seed(hashSeed(ctx.runSeed, 'faker', i / BLOCK_SIZE));
    }
    const areaIndex = skeleton.area[i] ?? 0;
    const area = org.areas[areaIndex];
    if (!area) throw new Error(`no area ${areaIndex}`);
    const band = skeleton.band[i] ?? 2;
    const youth = skeleton.youth[i] === 1;
    const { index: bsnIndex, bsn } = ctx.bsn.next();
    const person = generatePerson(
      rng,
      ctx.faker,
      {
        municipalityId: org.municipalityId,
        municipalityCode: org.code,
        city: org.city,
        today: ctx.today,
        bsnIndex,
        bsn,
      },
      area,
      band,
    );
    const team = teamFor(org, areaIndex, youth);
    const coach = ctx.picker.next(team.id);
    const story =
      ctx.story && coach.username === STORY_COACH
        ? ctx.story.assign({
            sex: person.sex,
            age: person.age,
            householdType: person.resident.household_type,
            daysOnBenefit: ctx.today - person.startDay,
          })
        : null;
    if (story?.name) renamePerson(person.resident, story.name);
    out.residents.push(person.resident);
    out.benefits.push(person.benefit);
    const facts = generateHistory(
      rng,
      {
        municipalityId: org.municipalityId,
        residentId: person.resident.id,
        female: person.sex === 'female',
        startDay: person.startDay,
        today: ctx.today,
        historyDays: ctx.historyDays,
        contactNormDays: ctx.contactNormDays,
        area,
        team,
        coach,
        previousCoach: ctx.picker.other(team.id, coach, rng),
        story: story?.history,
      },
      out,
      stats,
    );
    const r = person.resident;
    const residentName = [r.given_names, r.family_name_prefix, r.family_name].filter(Boolean).join(' ');
    if (story && ctx.story) ctx.story.record(story.role, r.id, residentName);
    if (ctx.casework) {
      // A PRNG of its own per resident: the casework never shifts the residents' other data.
      generateCasework(
        new Rng(hashSeed(ctx.runSeed, 'casework', i)),
        {
          municipalityId: org.municipalityId,
          residentId: r.id,
          residentName,
          startDay: person.startDay,
          today: ctx.today,
          coach,
          team,
          area,
          facts,
          role: story?.role ?? null,
        },
        out,
        stats,
      );
    }
    if (ctx.employment) {
      const last = facts.moments[facts.moments.length - 1];
      generateEmployment(
        new Rng(hashSeed(ctx.runSeed, 'employment', i)),
        {
          municipalityId: org.municipalityId,
          resident: r,
          sex: person.sex,
          age: person.age,
          coach,
          today: ctx.today,
          lastContactDay: last?.day ?? null,
          lastContactAt: last?.at ?? null,
          caseIndex: facts.caseIndex,
          role: story?.role ?? null,
        },
        ctx.employment,
        out,
        stats,
      );
    }

    stats.residents += 1;
    if (band === 0) stats.ageUnder27 += 1;
    else if (band === 1) stats.age27to44 += 1;
    else stats.age45plus += 1;
    const hh = person.resident.household_type;
    stats.households[hh] = (stats.households[hh] ?? 0) + 1;
    if (WITHOUT_STARTKWALIFICATIE.has(person.resident.education_level)) stats.withoutStartkwalificatie += 1;
    const days = ctx.today - person.startDay;
    if (days <= 60) stats.benefitNew60Days += 1;
    if (days >= 3 * 365) stats.benefit3YearsPlus += 1;
    if (days > 15 * 365) stats.benefit15YearsPlus += 1;
    if (youth) stats.youthTeam += 1;
  }
}

/** Gives a story resident the story's name (and a matching e-mail address when there is one). */
function renamePerson(r: ResidentRow, name: { givenNames: string; prefix: string | null; familyName: string }): void {
  r.given_names = name.givenNames;
  r.family_name_prefix = name.prefix;
  r.family_name = name.familyName;
  if (r.email) {
    const family = [name.prefix, name.familyName].filter(Boolean).join('');
    r.email = `${name.givenNames}.${family}@example.org`.toLowerCase();
  }
}
