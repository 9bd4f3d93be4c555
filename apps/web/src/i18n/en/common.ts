// English is the reference catalog: every other language must have the same keys (see ../catalog.ts).
const messages = {
  appName: 'Open Badges',
  skipToContent: 'Skip to main content',
  mainNavigation: 'Main',
  nav: { verify: 'Verify a badge', passport: 'My passport', console: 'Institution console' },
  language: 'Language',
  footer: 'Open Badges 2.0 and 3.0 platform. Everything on this page is served by this deployment.',
  loading: 'Loading…',
  notFound: { title: 'Page not found', body: 'There is nothing at this address.', home: 'Go to the home page' },
  home: {
    title: 'Badges you can trust',
    intro: 'Check any Open Badge, keep your own badges in one place, or issue badges for your institution.',
    verifyLead: 'Anyone can check a badge: drop its image, or paste its link.',
    passportLead: 'Learners: accept, organise and share your badges.',
    consoleLead: 'Staff: create badge classes and award them.',
  },
  errors: {
    network: 'The platform could not be reached. Check your connection and try again.',
    unexpected: 'Something went wrong ({code}).',
    rateLimited: 'Too many attempts. Wait {minutes} min and try again.',
    /** A refusal by its code, for readers of other languages than the platform's English answers. */
    codes: {
      forbidden: 'Your role does not allow this. Ask an administrator of your institution.',
      unauthorized: 'Your session has ended. Sign in again.',
      not_found: 'This was not found, or is not yours to see.',
      institution_suspended: 'Your institution is suspended by the province’s operator: nothing can be changed until it is reactivated. Its badges stay verifiable.',
      sso_required: 'Your institution signs its people in through its single sign-on (SSO) only. Use “Sign in with your institution (SSO)”.',
      invalid_credentials: 'The email address or the password is wrong.',
    },
  },
  actions: { signOut: 'Sign out', cancel: 'Cancel', save: 'Save', close: 'Close', remove: 'Remove' },
};

export default messages;
