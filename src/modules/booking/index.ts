/** Booking module: the clinic's public booking page — menu, therapists, offers, testimonials, online booking. */
export { createBookingService, type BookingService } from './booking.service.js';
export { bookingRoutes } from './booking.routes.js';
