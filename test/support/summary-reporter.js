// Prints one plain closing line, "jest: N passed, N failed", after jest's own summary, preceded by the ten slowest
// suites (wall seconds), so a suite that grows slow shows in every CI log.
const path = require('path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const slowest = results.testResults
      .map((r) => ({ file: path.relative(process.cwd(), r.testFilePath), s: (r.perfStats.end - r.perfStats.start) / 1000 }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 10);
    if (slowest.length > 1) {
      process.stdout.write(`\nslowest suites: ${slowest.map((x) => `${x.file} ${x.s.toFixed(1)} s`).join(', ')}\n`);
    }
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
module.exports = SummaryReporter;
