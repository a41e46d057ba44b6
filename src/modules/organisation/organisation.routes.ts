import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import * as service from './organisation.service.ts';
import { roleSchema } from '../../platform/access/role.schema.ts';
import { listSchema, wholeList } from '../../platform/http/list.ts';

const tags = ['Organisatie'];

export const registerOrganisationRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    `${API_PREFIX}/areas`,
    {
      config: { access: { permission: 'organisation:read' }, processing: { none: 'organisatie: wijken' } },
      schema: {
        tags,
        summary: 'Wijken (gebieden) van de gemeente',
        operationId: 'listAreas',
        response: { 200: listSchema(z.object({ id: z.uuid(), code: z.string(), name: z.string() }), 'AreaList') },
      },
    },
    async (req) => wholeList(await service.areas(req.ctx())),
  );

  r.get(
    `${API_PREFIX}/teams`,
    {
      config: { access: { permission: 'organisation:read' }, processing: { none: 'organisatie: teams' } },
      schema: {
        tags,
        summary: 'Teams van de gemeente met hun wijken',
        operationId: 'listTeams',
        response: {
          200: listSchema(z.object({ id: z.uuid(), name: z.string(), kind: z.string(), areaIds: z.array(z.uuid()) }), 'TeamList'),
        },
      },
    },
    async (req) => wholeList(await service.teams(req.ctx())),
  );

  r.get(
    `${API_PREFIX}/partner-organisations`,
    {
      config: { access: { permission: 'organisation:read' }, processing: { none: 'organisatie: partnerorganisaties' } },
      schema: {
        tags,
        summary: 'Partnerorganisaties (buurtteams)',
        operationId: 'listPartnerOrganisations',
        response: {
          200: listSchema(z.object({ id: z.uuid(), name: z.string(), kind: z.string(), areaId: z.uuid().nullable() }), 'PartnerOrganisationList'),
        },
      },
    },
    async (req) => wholeList(await service.partnerOrganisations(req.ctx())),
  );

  r.get(
    `${API_PREFIX}/staff`,
    {
      config: { access: { permission: 'staff:list' }, processing: { none: 'medewerkers van de gemeente, geen gegevens van inwoners' } },
      schema: {
        tags,
        summary: 'Medewerkers, bijvoorbeeld om een vast aanspreekpunt te kiezen',
        operationId: 'listStaff',
        querystring: z.object({ role: z.enum(['jobCoach', 'teamLead', 'partnerProfessional']).optional() }),
        response: {
          200: listSchema(z.object({ id: z.uuid(), displayName: z.string(), roles: z.array(roleSchema), teamIds: z.array(z.uuid()) }), 'StaffList'),
        },
      },
    },
    async (req) => wholeList(await service.staff(req.ctx(), req.query.role)),
  );
};
