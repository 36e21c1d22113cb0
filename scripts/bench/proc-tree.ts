// What a build costs the machine, beyond its wall time: the peak memory of the largest process
// and the CPU time of the whole process tree. A build is several processes (Node running Astro,
// a browser, a child it never waits for, so `time` and getrusage miss it), so
// they are read from /proc while it runs: every process descended from the one started, its
// high-water resident size (VmHWM) and its CPU ticks, kept from the last reading before it ends.
// On a shared machine CPU time is the steadier measure: wall time moves with everyone's load.
// Linux only; elsewhere the numbers are null and the report says so.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ: 100 on every Linux we run on). */
const TICKS_PER_SECOND = 100;

export type ProcessCost = { pid: number; name: string; peakBytes: number; cpuSeconds: number };

export type TreeCost = {
  /** Each process seen, by pid, with its last reading. */
  processes: ProcessCost[];
  /** The largest process's peak resident size, or null where /proc cannot be read. */
  peakBytes: number | null;
  /** The name of that process ("node", "chromium"). */
  peakProcess: string | null;
  /** User + system CPU of every process of the tree, or null where /proc cannot be read. */
  cpuSeconds: number | null;
};

type Reading = { ppid: number; name: string; cpuTicks: number; hwmKb: number };

/** Parses /proc/<pid>/stat: the name is in parentheses and may hold spaces or parentheses. */
export function parseStat(text: string): { name: string; ppid: number; cpuTicks: number } | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  // Fields after the name, from field 3 (state): ppid is field 4, utime 14, stime 15.
  const rest = text.slice(close + 2).split(' ');
  const ppid = Number(rest[1]);
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (![ppid, utime, stime].every(Number.isFinite)) return null;
  return { name: text.slice(open + 1, close), ppid, cpuTicks: utime + stime };
}

/** The VmHWM line of /proc/<pid>/status, in kB (0 for a kernel thread or a zombie). */
export function parseHwmKb(status: string): number {
  const m = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  return m ? Number(m[1]) : 0;
}

/** A process's program name from its command line ("node", "chromium"), else its `comm`. */
export function programName(cmdline: string, comm: string): string {
  const argv0 = cmdline.split('\0')[0] ?? '';
  return argv0 === '' ? comm : (argv0.split('/').at(-1) ?? comm);
}

function readProcess(pid: number): Reading | null {
  try {
    const stat = parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    if (!stat) return null;
    // `comm` is cut to 15 characters, and Node names its main thread "MainThread".
    const name = programName(readFileSync(`/proc/${pid}/cmdline`, 'utf8'), stat.name);
    return { ...stat, name, hwmKb: parseHwmKb(readFileSync(`/proc/${pid}/status`, 'utf8')) };
  } catch {
    return null; // it ended between the listing and the read
  }
}

/** The pids descended from `root` (itself included), from one pass over /proc. */
function descendants(root: number): Map<number, Reading> {
  const all = new Map<number, Reading>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const r = readProcess(Number(entry));
    if (r) all.set(Number(entry), r);
  }
  const out = new Map<number, Reading>();
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const r = all.get(pid);
    if (!r || out.has(pid)) continue;
    out.set(pid, r);
    for (const [child, c] of all) if (c.ppid === pid) stack.push(child);
  }
  return out;
}

/** Samples the tree under `pid` every `intervalMs` until stop() is called; stop() returns the cost. */
export function watchTree(pid: number, intervalMs = 100): { stop: () => TreeCost } {
  const seen = new Map<number, ProcessCost>();
  let readable = true;
  const sample = (): void => {
    if (!readable) return;
    try {
      for (const [p, r] of descendants(pid)) {
        const prev = seen.get(p);
        seen.set(p, {
          pid: p,
          name: r.name,
          peakBytes: Math.max(prev?.peakBytes ?? 0, r.hwmKb * 1024),
          cpuSeconds: Math.max(prev?.cpuSeconds ?? 0, r.cpuTicks / TICKS_PER_SECOND),
        });
      }
    } catch {
      readable = false; // no /proc: not Linux
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      const processes = [...seen.values()];
      if (!readable || processes.length === 0) {
        return { processes, peakBytes: null, peakProcess: null, cpuSeconds: null };
      }
      const largest = processes.reduce((a, b) => (b.peakBytes > a.peakBytes ? b : a));
      return {
        processes,
        peakBytes: largest.peakBytes,
        peakProcess: largest.name,
        cpuSeconds: processes.reduce((n, p) => n + p.cpuSeconds, 0),
      };
    },
  };
}
