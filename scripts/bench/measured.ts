// Runs one command as the benchmarks time it: a child process, its output kept (a build's log
// says how long each phase took), its wall time, and what its whole process tree cost
// (proc-tree.ts). Shared by the site's build benchmarks so that every number in
// bench/RESULTS.md is taken the same way.
import { spawn } from 'node:child_process';
import { type TreeCost, watchTree } from './proc-tree.ts';

export type Measured = { seconds: number; output: string; cost: TreeCost };

export function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const watch = child.pid === undefined ? null : watchTree(child.pid);
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', (e) => {
      watch?.stop();
      reject(e);
    });
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      const cost = watch?.stop() ?? { processes: [], peakBytes: null, peakProcess: null, cpuSeconds: null };
      if (code !== 0) {
        reject(
          new Error(
            `${[command, ...args].join(' ')} ${signal ? `was killed (${signal})` : `exited ${code}`}:\n${output.slice(-3000)}`,
          ),
        );
        return;
      }
      resolve({ seconds, output, cost });
    });
  });
}
