/** Reports module: progress reports and discharge summaries for a clinical episode, rendered as PDF. */
export { renderProgressReportPdf } from './progress-report-pdf.js';
export { renderEducationSheetPdf, type EducationSheet } from './education-sheet-pdf.js';
export { renderRenewalRequestPdf, type RenewalRequestData } from './renewal-request-pdf.js';
export { loadReportFonts, REPORT_FONT_DIR, type ReportFonts } from './report-fonts.js';
export {
  formatDisplayDate,
  REPORT_TITLES,
  type GoalStatus,
  type IsoDate,
  type MeasurePoint,
  type OutcomeMeasure,
  type ProgressReportData,
  type Recommendation,
  type ReportGoal,
  type ReportKind,
} from './domain/progress-report.js';
