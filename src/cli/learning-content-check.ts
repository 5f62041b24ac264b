/**
 * Content report for the learning side (issue 8): loads every question, flashcard and case-study file,
 * checks it, and prints the counts per area, subtopic, difficulty and answer letter.
 * Usage: node --import tsx src/cli/learning-content-check.ts [--quiet]
 */
import { learningContentReport, readLearningContent } from '#src/modules/learning/learning-content.loader.js';

const content = readLearningContent();
const report = learningContentReport(content);
process.stdout.write(report.text);
if (report.problems.length > 0) {
  process.stdout.write(`\n${report.problems.length} problem(s):\n`);
  for (const problem of report.problems) process.stdout.write(`  - ${problem}\n`);
  process.exitCode = 1;
}
