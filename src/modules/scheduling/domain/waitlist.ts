import { DateTime } from 'luxon';

/**
 * The waitlist (issue 7, item 5): clients who want an earlier or another time. When a visit is cancelled
 * or missed, the freed slot is offered to the waiting clients it suits, oldest request first.
 */
export type WaitlistWish = {
  id: string;
  clientId: string;
  therapistId: string | null;
  serviceId: string | null;
  /** Calendar dates (clinic zone) between which the client could come. */
  earliest: string;
  latest: string;
  /** ISO weekdays (1 = Monday) the client could come; empty = any. */
  weekdays: number[];
  /** Wall-clock window ("09:00"–"12:00"); null = any time. */
  fromTime: string | null;
  toTime: string | null;
  createdAt: Date;
};

export type FreedSlot = { therapistId: string; serviceId: string | null; start: Date; end: Date };

/** Whether a freed slot suits one client's wish (therapist, service, dates, weekday and time of day). */
export function slotSuits(wish: WaitlistWish, slot: FreedSlot, zone: string): boolean {
  if (wish.therapistId && wish.therapistId !== slot.therapistId) return false;
  if (wish.serviceId && slot.serviceId && wish.serviceId !== slot.serviceId) return false;
  const start = DateTime.fromJSDate(slot.start, { zone });
  const end = DateTime.fromJSDate(slot.end, { zone });
  const date = start.toFormat('yyyy-LL-dd');
  if (date < wish.earliest || date > wish.latest) return false;
  if (wish.weekdays.length > 0 && !wish.weekdays.includes(start.weekday)) return false;
  if (wish.fromTime && start.toFormat('HH:mm') < wish.fromTime) return false;
  if (wish.toTime && end.toFormat('HH:mm') > wish.toTime) return false;
  return true;
}

/** The wishes a freed slot is offered to: those it suits, not the client who freed it, oldest first. */
export function offersFor(
  wishes: readonly WaitlistWish[],
  slot: FreedSlot & { freedByClientId: string },
  zone: string,
  limit = 3,
): WaitlistWish[] {
  return wishes
    .filter((w) => w.clientId !== slot.freedByClientId && slotSuits(w, slot, zone))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .slice(0, limit);
}
