// bench/TESTS.md from the test suite's benchmark (test-tiers.ts): the target `npm test` is held
// to and where it stands, then each step's wall and CPU time. Pure: report in, Markdown out.
import { loads, machineLine } from './machine.ts';
import { median } from './stats.ts';
import { TESTS_TARGET_RATIO, type TestsReport } from './test-tiers.ts';

const secs = (x: number): string => `${x.toFixed(1)} s`;
const runsOf = (xs: readonly number[], unit = ''): string => xs.map((x) => `${x.toFixed(1)}${unit}`).join(', ');

export function testsMarkdown(r: TestsReport, command: string): string {
  const when = `${r.at.slice(0, 10)} (${r.at.slice(11, 16)} UTC)`;
  const ratio = median(r.ratios);
  const whole = r.steps.at(-1);
  const rows = r.steps.map((step) => {
    const cpu = step.cpuSeconds.length > 0 ? secs(median(step.cpuSeconds)) : '?';
    const tests = step.tests === null ? '' : String(step.tests);
    const failed = step.failures.length > 0 ? ` (failed: ${step.failures.join('; ')})` : '';
    return `| ${step.name} | ${secs(median(step.seconds))} (${runsOf(step.seconds)}) | ${cpu} | ${tests}${failed} |`;
  });
  const busy =
    whole && whole.cpuSeconds.length > 0
      ? [
          '',
          `\`npm test\` kept ${(median(whole.cpuSeconds) / median(whole.seconds)).toFixed(2)} of the machine's ${r.machine.cores} cores busy on average (CPU time over wall time, medians).`,
        ]
      : [];
  return [
    '# Test suite benchmarks',
    '',
    `Written by \`${command}\` on ${when}. Every time is a median of ${r.ratios.length} run${r.ratios.length === 1 ? '' : 's'}.`,
    '',
    machineLine(r.machine),
    `- Load average (1, 5, 15 min) at the start: ${loads(r.load.start)}; at the end: ${loads(r.load.end)}.`,
    '',
    '## Target',
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    `| \`npm test\` at most ${TESTS_TARGET_RATIO}× \`npm run build\` of the bundled archive, in the same run | ${ratio.toFixed(1)}× (runs: ${runsOf(r.ratios, '×')}) | ${ratio <= TESTS_TARGET_RATIO ? 'met' : '**missed**'} |`,
    '',
    '## Each step',
    '',
    'Each step runs alone, one after another, in every round. `npm test` runs the checks and the three tiers overlapped (scripts/test.ts), so it takes less than their sum. CPU is that of every process of the step (Chromium, Astro and Pagefind included), read from /proc every 100 ms.',
    '',
    '| step | wall (runs) | CPU | tests |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...busy,
    '',
  ].join('\n');
}
