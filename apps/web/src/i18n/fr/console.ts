import type { Catalog } from '../catalog';

const messages: Catalog['console'] = {
  title: 'Console de l’établissement',
  signInTitle: 'Connectez-vous avec votre client API',
  signInHelp: 'Utilisez l’identifiant et le secret de client remis à votre établissement.',
  clientId: 'Identifiant du client',
  clientSecret: 'Secret du client',
  signIn: 'Se connecter',
  signedInAs: 'Connecté pour {institution}',
  invalidClient: 'Identifiant de client inconnu ou secret incorrect.',
};

export default messages;
