/** Nest injection tokens for the values NotificationModule.forRoot receives from its caller. */
export const NOTIFICATION_CONFIG = Symbol('NOTIFICATION_CONFIG');
export const NOTIFICATION_DATABASE = Symbol('NOTIFICATION_DATABASE');
/** The issuer's ServiceClient (baked images for email attachments). */
export const ISSUER_CLIENT = Symbol('ISSUER_CLIENT');
/** Job tuning (attempts, backoff, sweeper timing): `NotificationJobSettings`. */
export const JOB_SETTINGS = Symbol('JOB_SETTINGS');
