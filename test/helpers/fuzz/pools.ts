// Ids the fuzzer can put in paths and bodies: harvested from what each persona gets to see (so "an id in scope"
// means what that persona really sees), and from the other municipality ("an id from another municipality").

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ALIASES: Record<string, string> = {
  contactPerson: 'staffUser',
  previousContactPerson: 'staffUser',
  toStaffUser: 'staffUser',
  organiser: 'staffUser',
  createdBy: 'staffUser',
  updatedBy: 'staffUser',
  recordedBy: 'staffUser',
  assignedBy: 'staffUser',
  proposedBy: 'staffUser',
  scoredBy: 'staffUser',
  changedBy: 'staffUser',
  actor: 'staffUser',
  user: 'staffUser',
  member: 'staffUser',
  staff: 'staffUser',
  candidate: 'proposal',
  catchUpCampaign: 'catchUpCampaign',
};

function camel(s: string): string {
  return s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function singular(s: string): string {
  if (s.endsWith('ies')) return `${s.slice(0, -3)}y`;
  if (s.endsWith('ses')) return s.slice(0, -2);
  if (s.endsWith('s') && !s.endsWith('ss')) return s.slice(0, -1);
  return s;
}

/** The kind of id a key (property name, path segment, parameter name) holds: residentIds → resident. */
export function kindOf(key: string): string {
  let k = camel(key);
  if (k.endsWith('Ids')) k = k.slice(0, -3);
  else if (k.endsWith('Id')) k = k.slice(0, -2);
  else k = singular(k);
  return ALIASES[k] ?? k;
}

/** The resource a path is about: its last literal segment (/residents/{id}/plan → plan). */
export function resourceOf(path: string): string {
  const literal = path.split('/').filter((s) => s && !s.startsWith('{'));
  return kindOf(literal[literal.length - 1] ?? 'item');
}

/** The kind of a path parameter: {id} after /residents is a resident, {goalId} a goal. */
export function pathParamKind(path: string, name: string): string {
  if (name !== 'id') return kindOf(name);
  const segs = path.split('/');
  const i = segs.indexOf('{id}');
  return kindOf(segs[i - 1] ?? 'item');
}

export class IdPools {
  private pools = new Map<string, Set<string>>();
  /** Versions of records seen (for an If-Match of a record without an ETag of its own). */
  readonly versions = new Map<string, number>();
  /** The path parameters of the response an id was found in (a goal's resident): ids that belong together. */
  readonly parents = new Map<string, Record<string, string>>();

  add(kind: string, id: string) {
    if (!this.pools.has(kind)) this.pools.set(kind, new Set());
    this.pools.get(kind)!.add(id);
  }

  get(kind: string): string[] {
    return [...(this.pools.get(kind) ?? [])];
  }

  all(): string[] {
    return [...new Set([...this.pools.values()].flatMap((s) => [...s]))];
  }

  kinds(): Record<string, number> {
    return Object.fromEntries([...this.pools].map(([k, v]) => [k, v.size]));
  }

  /** Every uuid in a JSON response, by the key that holds it; pathValues: the request's path parameters. */
  harvest(requestPath: string, body: unknown, pathValues: Record<string, string> = {}) {
    const resource = resourceOf(requestPath);
    const parentValues = new Set(Object.values(pathValues));
    const add = (kind: string, id: string) => {
      this.add(kind, id);
      if (Object.keys(pathValues).length && !parentValues.has(id) && !this.parents.has(id)) this.parents.set(id, pathValues);
    };
    const walk = (node: unknown, key: string | null) => {
      if (Array.isArray(node)) {
        for (const item of node) walk(item, key);
        return;
      }
      if (!node || typeof node !== 'object') return;
      const obj = node as Record<string, unknown>;
      const kind = key === null || key === 'items' ? resource : kindOf(key);
      if (typeof obj.id === 'string' && UUID.test(obj.id)) {
        add(kind, obj.id);
        if (typeof obj.version === 'number') this.versions.set(obj.id, obj.version);
      }
      if (typeof obj.code === 'string' && typeof obj.iscoGroup === 'string') this.add('escoCode', obj.code);
      if (typeof obj.username === 'string') this.add('username', obj.username);
      for (const [k, v] of Object.entries(obj)) {
        if (k === 'id') continue;
        if (typeof v === 'string' && UUID.test(v) && /Id$/.test(k)) {
          add(kindOf(k), v);
        } else if (Array.isArray(v) && /Ids$/.test(k)) {
          for (const x of v) if (typeof x === 'string' && UUID.test(x)) this.add(kindOf(k), x);
        } else if (v && typeof v === 'object') {
          walk(v, k);
        }
      }
    };
    walk(body, null);
  }
}
