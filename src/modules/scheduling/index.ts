/** Scheduling module: the calendar, service menu, rooms, working hours, recurring series, calendar feeds. */
export {
  createSchedulingService,
  type BookingSource,
  type SchedulingActor,
  type SchedulingService,
} from './scheduling.service.js';
export { schedulingRoutes } from './scheduling.routes.js';
export type { TAppointment } from './scheduling.schemas.js';
export { ZAvailability, ZScheduleService } from './scheduling.schemas.js';
