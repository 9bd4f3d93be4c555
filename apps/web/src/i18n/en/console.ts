const messages = {
  title: 'Institution console',
  signInTitle: 'Sign in with your API client',
  signInHelp: 'Use the client id and secret your operator gave your institution.',
  clientId: 'Client id',
  clientSecret: 'Client secret',
  signIn: 'Sign in',
  signedInAs: 'Signed in for {institution}',
  invalidClient: 'Unknown client id or wrong secret.',
};

export default messages;
