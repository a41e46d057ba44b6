// The operations of the OpenAPI document, with their parameter and body schemas resolved, and who may call them.

export type JsonSchema = Record<string, any>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  id: string;
  method: string;
  /** Path template of the document, relative to the server (e.g. /residents/{id}). */
  path: string;
  tags: string[];
  params: Parameter[];
  body: JsonSchema | null;
  bodyRequired: boolean;
  isWrite: boolean;
  /** Members the document requires of an error response, per status (a 412 carrying the current version). */
  errorMembers: Record<string, string[]>;
}

export function resolveRefs(doc: any, node: any, seen: string[] = []): any {
  if (Array.isArray(node)) return node.map((n) => resolveRefs(doc, n, seen));
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const ref = node.$ref as string;
    if (seen.includes(ref)) return {};
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((acc: any, k: string) => acc?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    const { $ref: _ref, ...rest } = node;
    return { ...resolveRefs(doc, target, [...seen, ref]), ...resolveRefs(doc, rest, seen) };
  }
  const out: any = {};
  for (const [k, v] of Object.entries(node)) out[k] = resolveRefs(doc, v, seen);
  return out;
}

export function operationsOf(doc: any): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths ?? {})) {
    for (const [method, raw] of Object.entries<any>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = resolveRefs(doc, raw);
      const content = op.requestBody?.content ?? {};
      const bodySchema = content['application/json']?.schema ?? null;
      ops.push({
        id: op.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        tags: op.tags ?? [],
        params: (op.parameters ?? []).map((p: any) => ({ name: p.name, in: p.in, required: Boolean(p.required), schema: p.schema ?? {} })),
        body: bodySchema,
        bodyRequired: Boolean(op.requestBody?.required),
        isWrite: method !== 'get',
        errorMembers: Object.fromEntries(
          Object.entries<any>(op.responses ?? {})
            .filter(([code]) => /^[45]\d\d$/.test(code))
            .map(([code, r]) => [code, (r?.content?.['application/problem+json']?.schema?.required ?? []) as string[]]),
        ),
      });
    }
  }
  return ops;
}

/** Demo users (src/seed/personas.ts) the fuzzer logs in as. */
export const PERSONAS = [
  'werkmatcher.overvecht',
  'teamleider.overvecht',
  'buurtteam.overvecht',
  'werkgeversadviseur',
  'beleid',
  'privacy',
  'onderzoeker',
  'werkmatcher.arnhem',
] as const;
export type Persona = (typeof PERSONAS)[number];
export const OTHER_MUNICIPALITY: Persona = 'werkmatcher.arnhem';

export interface Callers {
  /** Personas that may call the operation (the first is the main one). */
  authorized: Persona[];
  /** A persona of the same municipality whose role lacks the permission. */
  noPermission: Persona;
  /** The no-permission persona and an anonymous caller may still get a 2xx (public or authenticated-only routes). */
  openToAll: 'public' | 'authenticated' | false;
}

// Who may call what, per tag of the document (see src/platform/access/permissions.ts).
const BY_TAG: Record<string, Callers> = {
  Beheer: { authorized: ['werkmatcher.overvecht'], noPermission: 'onderzoeker', openToAll: 'public' },
  Sessie: { authorized: ['werkmatcher.overvecht', 'werkgeversadviseur'], noPermission: 'onderzoeker', openToAll: 'public' },
  Organisatie: { authorized: ['werkmatcher.overvecht', 'teamleider.overvecht'], noPermission: 'onderzoeker', openToAll: false },
  Inwoners: { authorized: ['werkmatcher.overvecht', 'teamleider.overvecht'], noPermission: 'werkgeversadviseur', openToAll: false },
  Logboek: { authorized: ['privacy'], noPermission: 'werkmatcher.overvecht', openToAll: false },
  Situatie: { authorized: ['werkmatcher.overvecht', 'buurtteam.overvecht'], noPermission: 'werkgeversadviseur', openToAll: false },
  Plan: { authorized: ['werkmatcher.overvecht', 'buurtteam.overvecht'], noPermission: 'werkgeversadviseur', openToAll: false },
  Gesprekken: { authorized: ['werkmatcher.overvecht', 'buurtteam.overvecht'], noPermission: 'beleid', openToAll: false },
  Werklijst: { authorized: ['werkmatcher.overvecht'], noPermission: 'beleid', openToAll: false },
  Meldingen: { authorized: ['werkmatcher.overvecht', 'buurtteam.overvecht'], noPermission: 'beleid', openToAll: false },
  Team: { authorized: ['teamleider.overvecht'], noPermission: 'werkmatcher.overvecht', openToAll: false },
  ESCO: { authorized: ['werkgeversadviseur', 'werkmatcher.overvecht'], noPermission: 'onderzoeker', openToAll: 'authenticated' },
  Werkgevers: { authorized: ['werkgeversadviseur'], noPermission: 'buurtteam.overvecht', openToAll: false },
  Vacatures: { authorized: ['werkgeversadviseur'], noPermission: 'buurtteam.overvecht', openToAll: false },
  Werkprofiel: { authorized: ['werkmatcher.overvecht'], noPermission: 'werkgeversadviseur', openToAll: false },
  Matching: { authorized: ['werkmatcher.overvecht'], noPermission: 'werkgeversadviseur', openToAll: false },
  Voorstellen: { authorized: ['werkmatcher.overvecht'], noPermission: 'beleid', openToAll: false },
  Kandidaten: { authorized: ['werkgeversadviseur'], noPermission: 'buurtteam.overvecht', openToAll: false },
  Plaatsingen: { authorized: ['werkgeversadviseur', 'werkmatcher.overvecht'], noPermission: 'beleid', openToAll: false },
  Eerlijkheidsmonitor: { authorized: ['beleid'], noPermission: 'werkmatcher.overvecht', openToAll: false },
  Algoritmeregister: { authorized: ['beleid', 'privacy'], noPermission: 'werkmatcher.overvecht', openToAll: false },
};

/** Callers from the tags; undefined for a tag this table does not know (the test then finds them by trying). */
// Operations on one record whose callers cannot be found by trying every persona on a random id (everyone gets 404
// there): studies (issue 14), where the researcher holds the aggregates and the pseudonymised export.
const BY_OPERATION: Record<string, Callers> = {
  getStudy: { authorized: ['werkmatcher.overvecht', 'beleid'], noPermission: 'werkgeversadviseur', openToAll: false },
  getStudyOverview: { authorized: ['werkmatcher.overvecht', 'beleid'], noPermission: 'werkgeversadviseur', openToAll: false },
  analyseStudy: { authorized: ['beleid', 'teamleider.overvecht'], noPermission: 'werkmatcher.overvecht', openToAll: false },
  exportStudyDataset: { authorized: ['onderzoeker'], noPermission: 'beleid', openToAll: false },
};

export function callersByTag(op: Operation): Callers | undefined {
  if (BY_OPERATION[op.id]) return BY_OPERATION[op.id];
  for (const t of op.tags) if (BY_TAG[t]) return BY_TAG[t];
  return undefined;
}

/** Sessions get created and ended by these operations: every caller gets a fresh session of its own. */
export const usesThrowawaySessions = (op: Operation) => op.tags.includes('Sessie');
