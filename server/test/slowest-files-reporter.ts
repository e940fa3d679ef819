import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const SHOWN = 10;

/** The slowest test files of the run, with their import and test time: where the minutes go. */
export function slowestFiles(
  files: { name: string; project: string; importMs: number; testMs: number }[],
  count = SHOWN,
): string {
  const rows = files
    .map((f) => ({ ...f, totalMs: f.importMs + f.testMs }))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, count);
  if (rows.length === 0) return '';
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
  return [
    `Slowest ${rows.length} test files (total = import + tests):`,
    ...rows.map(
      (r) =>
        `${seconds(r.totalMs)}  (${seconds(r.importMs).trim()} + ${seconds(r.testMs).trim()})  ${r.project ? `[${r.project}] ` : ''}${r.name}`,
    ),
  ].join('\n');
}

export default class SlowestFilesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const text = slowestFiles(
      testModules.map((m) => {
        const d = m.diagnostic();
        return {
          name: path.relative(process.cwd(), m.moduleId),
          project: m.project.name,
          importMs: d.collectDuration,
          testMs: d.duration,
        };
      }),
    );
    if (text) process.stdout.write(`\n${text}\n`);
  }
}
