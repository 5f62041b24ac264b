/** Small shared pieces of the calendar screens: status colours, warnings, money, addresses. */
import type { AppointmentStatus } from '../../../modules/scheduling/domain/appointment.js';
import type { Appointment } from '../../api/scheduling.js';

export const STATUS_COLORS: Record<AppointmentStatus, string> = {
  booked: 'palpa',
  confirmed: 'blue',
  arrived: 'grape',
  completed: 'green',
  cancelled: 'gray',
  no_show: 'orange',
};

/** Booking warnings and the visit's warnings, once each. */
export function appointmentWarnings(a: Appointment): string[] {
  return [...new Set([...a.warnings, ...(a.visit?.warnings ?? [])])];
}

export const formatCents = (cents: number): string =>
  (cents / 100).toLocaleString(undefined, { style: 'currency', currency: 'USD' });

export const calendarPath = (params: { date?: string; view?: 'day' | 'week' } = {}) => {
  const search = new URLSearchParams();
  if (params.date) search.set('date', params.date);
  if (params.view) search.set('view', params.view);
  const text = search.toString();
  return `/calendar${text ? `?${text}` : ''}`;
};
