import ical, { ICalEventStatus } from 'ical-generator';
import { clientInitials } from './domain/appointment.js';

/**
 * A therapist's private iCalendar feed (RFC 5545, issue 7 item 8). A phone's calendar is not a place for
 * client data: each event shows the time and the client's initials only (minimum necessary, HIPAA
 * §164.502(b)); no name, service, diagnosis or note.
 */
export function buildCalendarFeed(input: {
  clinicName: string;
  timeZone: string;
  now: Date;
  events: {
    id: string;
    startAt: Date;
    endAt: Date;
    status: string;
    givenName: string;
    familyName: string;
    roomName: string | null;
    updatedAt: Date;
  }[];
}): string {
  const calendar = ical({
    name: `${input.clinicName} — Palpa`,
    prodId: { company: 'Palpa', product: 'calendar-feed', language: 'EN' },
    ttl: 15 * 60,
  });
  for (const event of input.events) {
    calendar.createEvent({
      id: `${event.id}@palpa`,
      start: event.startAt,
      end: event.endAt,
      stamp: input.now,
      lastModified: event.updatedAt,
      summary: `Client ${clientInitials({ firstName: event.givenName, lastName: event.familyName })}`,
      ...(event.roomName ? { location: event.roomName } : {}),
      status: event.status === 'booked' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
