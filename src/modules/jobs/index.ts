/** Jobs module: the durable background-job queue in PostgreSQL (FOR UPDATE SKIP LOCKED), shared by processes. */
export { createJobQueue, type EnqueueJob, type JobHandler, type JobQueue } from './job-queue.js';
export { countJobs } from './jobs.repository.js';
