/** Portal module: client-portal accounts (self or guardian), sign-in, bookings and forms filled by clients. */
export { createPortalService, type PortalContext, type PortalService } from './portal.service.js';
export { portalRoutes } from './portal.routes.js';
export { createRequirePortal, PORTAL_COOKIE, portalContext } from './portal-auth.js';
