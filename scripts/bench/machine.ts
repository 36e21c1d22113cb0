// The machine a benchmark ran on, as both results files (bench/RESULTS.md, bench/TESTS.md) state
// it: numbers from a 2-core machine and from a 16-core one do not compare, and neither do a
// quiet machine's and a loaded one's, so the load average is taken at the start and the end.
import os from 'node:os';

export type Machine = { cpu: string; cores: number; memoryBytes: number; os: string; node: string };

export function machineFacts(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

/** One line of Markdown: the machine, as the results files open with. */
export function machineLine(m: Machine): string {
  return `- Machine: ${m.cpu}, ${m.cores} cores, ${(m.memoryBytes / 1024 ** 3).toFixed(0)} GB; ${m.os}; Node.js ${m.node}.`;
}

/** The load averages (1, 5, 15 min) as the results files give them. */
export const loads = (values: readonly number[]): string => values.map((x) => x.toFixed(1)).join(', ');
