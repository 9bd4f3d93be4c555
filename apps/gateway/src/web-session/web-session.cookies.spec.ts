import { cookieName, sessionSetCookie } from './web-session.cookies';

describe('web session cookies', () => {
  it('are HttpOnly, SameSite=Strict and for the whole site', () => {
    expect(sessionSetCookie('learner', 'lp_abc', 604800, false)).toBe('badges-learner=lp_abc; Max-Age=604800; Path=/; HttpOnly; SameSite=Strict');
  });

  it('are Secure and __Host- prefixed over https', () => {
    expect(cookieName('staff', true)).toBe('__Host-badges-staff');
    expect(sessionSetCookie('staff', 'eyJ.x', 3600, true)).toBe('__Host-badges-staff=eyJ.x; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Strict');
  });

  it('are deleted with an empty value and Max-Age=0', () => {
    expect(sessionSetCookie('learner', '', 0, false)).toBe('badges-learner=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict');
  });
});
