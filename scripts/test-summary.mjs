// Prints the slowest test files, then the one closing line CI reads: "N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [file, status] = process.argv.slice(2);
if (!file || !existsSync(file)) {
  console.log('0 passed, 1 failed');
  console.error(`No test report at ${file}: the test run did not finish (exit ${status}).`);
  process.exit(0);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
// Where the minutes go: the ten slowest test files, before the closing line.
const slowest = (report.testResults ?? [])
  .map((r) => ({ name: path.relative(process.cwd(), r.name), ms: r.endTime - r.startTime }))
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 10);
if (slowest.length > 0) {
  console.log(`Slowest ${slowest.length} test files:`);
  for (const r of slowest) console.log(`${`${(r.ms / 1000).toFixed(1)} s`.padStart(8)}  ${r.name}`);
}
const failed = report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? 1 : 0);
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
