/** True when PUBLIC_URL is https: the session cookies are then Secure and `__Host-` prefixed. */
export const WEB_SESSION_SECURE = Symbol('WEB_SESSION_SECURE');
