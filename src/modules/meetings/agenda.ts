// The agenda a new meeting starts with when the organiser writes none: the resident's open barriers and the open
// actions of the plan, so the meeting picks up where the last one ended. Pure, no I/O.

export interface AgendaBarrier {
  domainLabel: string;
  description: string;
}

export interface AgendaAction {
  description: string;
  ownerName: string;
  dueDate: string | null;
}

export const AGENDA_MAX = 4000;

/** 2026-12-01 → 1-12-2026 (Dutch short date). */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}-${m}-${y}`;
}

/** Null when there is nothing open; lines that would pass the maximum length are left off (with a note). */
export function buildAgenda(barriers: AgendaBarrier[], actions: AgendaAction[]): string | null {
  const sections: Array<[string, string[]]> = [
    ['Belemmeringen', barriers.map((b) => `- ${b.domainLabel}: ${b.description}`)],
    [
      'Open acties uit het plan',
      actions.map(
        (a) => `- ${a.description} (${a.ownerName}${a.dueDate ? `, vóór ${dutchDate(a.dueDate)}` : ''})`,
      ),
    ],
  ];
  const lines: string[] = [];
  const more = '- … (meer in het dossier)';
  let full = false;
  for (const [title, items] of sections) {
    if (items.length === 0 || full) continue;
    const block = [`${title}:`, ...items];
    for (const line of block) {
      const next = [...lines, line].join('\n');
      if (next.length + more.length + 1 > AGENDA_MAX) {
        lines.push(more);
        full = true;
        break;
      }
      lines.push(line);
    }
  }
  return lines.length > 0 ? lines.join('\n') : null;
}
