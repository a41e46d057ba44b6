import { readFile } from 'node:fs/promises';
import os from 'node:os';

// The machine is shared: other processes (tests, dev servers) steal CPU from a benchmark and make its figures
// meaningless. These helpers measure how much CPU the rest of the machine uses, before and during a scenario.

const TICKS_PER_SECOND = 100;

interface MachineTicks {
  busy: number;
  total: number;
}

async function machineTicks(): Promise<MachineTicks | null> {
  try {
    const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!;
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

async function processTicks(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat; 'fields' starts at field 3.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

export interface CpuSnapshot {
  at: number;
  machine: MachineTicks | null;
  own: Map<number, number>;
}

export async function snapshot(ownPids: number[]): Promise<CpuSnapshot> {
  const own = new Map<number, number>();
  for (const pid of ownPids) own.set(pid, await processTicks(pid));
  return { at: performance.now(), machine: await machineTicks(), own };
}

/**
 * CPU used between two snapshots by everything except the given processes, in cores (0 … number of CPUs).
 * Null where /proc is not available.
 */
export function otherCores(a: CpuSnapshot, b: CpuSnapshot): number | null {
  if (!a.machine || !b.machine) return null;
  const seconds = (b.at - a.at) / 1000;
  if (seconds <= 0) return null;
  let own = 0;
  for (const [pid, ticks] of b.own) own += ticks - (a.own.get(pid) ?? ticks);
  const busy = b.machine.busy - a.machine.busy;
  return Math.max(0, (busy - own) / TICKS_PER_SECOND / seconds);
}

/**
 * Waits (bounded) until the rest of the machine uses less than `maxCores` CPU, sampled over 2 s windows.
 * Returns the last sample, in cores.
 */
export async function waitForQuiet(
  maxCores: number,
  maxWaitSeconds: number,
  log: (msg: string) => void,
): Promise<number | null> {
  const deadline = performance.now() + maxWaitSeconds * 1000;
  let warned = false;
  for (;;) {
    const a = await snapshot([process.pid]);
    await new Promise((r) => setTimeout(r, 2000));
    const used = otherCores(a, await snapshot([process.pid]));
    if (used === null || used < maxCores) return used;
    if (performance.now() > deadline) {
      log(
        `Machine still busy (${used.toFixed(2)} of ${os.availableParallelism()} cores used by other processes): measuring anyway.`,
      );
      return used;
    }
    if (!warned) {
      log(
        `Other processes use ${used.toFixed(2)} cores: waiting up to ${maxWaitSeconds} s for a quieter machine…`,
      );
      warned = true;
    }
  }
}
