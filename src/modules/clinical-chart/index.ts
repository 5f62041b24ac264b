/** Clinical chart module: the episode read as a whole — chart, timeline, billing view, overview, reports. */
export { createClinicalChartService, type ClinicalChartService } from './clinical-chart.service.js';
export { clinicalChartRoutes } from './clinical-chart.routes.js';
export type { TClinicalChart, TClinicalOverview, TEpisodeServices } from './clinical-chart.schemas.js';
