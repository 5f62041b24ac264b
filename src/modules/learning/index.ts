/** Learning module (issue 8): question bank, exams, spaced review, study plans, case studies, CE and licences. */
export { createLearningService, type LearningService } from './learning.service.js';
export { learningRoutes } from './learning.routes.js';
export {
  readLearningContent,
  learningContentReport,
  type LearningContent,
} from './learning-content.loader.js';
