import { z } from 'zod';
import { ROLES } from './principal.ts';

/** A role as the API names it (one enumeration for every response, so the generated web client knows them all). */
export const roleSchema = z.enum(ROLES).meta({ id: 'Role' });
