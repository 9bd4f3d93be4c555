// English is the reference catalog: every other language must have the same keys (see ../catalog.ts).
const messages = {
  appName: 'Open Badges',
  skipToContent: 'Skip to main content',
  mainNavigation: 'Main',
  nav: { verify: 'Verify a badge', passport: 'My passport', console: 'Institution console' },
  language: 'Language',
  footer: 'Open Badges 2.0 platform. Everything on this page is served by this deployment.',
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
  },
  actions: { signOut: 'Sign out', cancel: 'Cancel', save: 'Save', close: 'Close', remove: 'Remove' },
};

export default messages;
