import type { Catalog } from '../catalog';

const messages: Catalog['common'] = {
  appName: 'Open Badges',
  skipToContent: 'Aller au contenu principal',
  mainNavigation: 'Principale',
  nav: { verify: 'Vérifier un badge', passport: 'Mon passeport', console: 'Console de l’établissement' },
  language: 'Langue',
  footer: 'Plateforme Open Badges 2.0 et 3.0. Tout ce qui figure sur cette page est servi par ce déploiement.',
  loading: 'Chargement…',
  notFound: { title: 'Page introuvable', body: 'Il n’y a rien à cette adresse.', home: 'Aller à l’accueil' },
  home: {
    title: 'Des badges dignes de confiance',
    intro: 'Vérifiez n’importe quel Open Badge, gardez vos badges au même endroit ou délivrez des badges pour votre établissement.',
    verifyLead: 'Tout le monde peut vérifier un badge : déposez son image ou collez son lien.',
    passportLead: 'Apprenants : acceptez, organisez et partagez vos badges.',
    consoleLead: 'Personnel : créez des classes de badges et décernez-les.',
  },
  errors: {
    network: 'La plateforme est injoignable. Vérifiez votre connexion et réessayez.',
    unexpected: 'Une erreur s’est produite ({code}).',
    rateLimited: 'Trop de tentatives. Attendez {minutes} min et réessayez.',
    codes: {
      forbidden: 'Votre rôle ne permet pas cette action. Adressez-vous à un administrateur de votre établissement.',
      unauthorized: 'Votre session a pris fin. Reconnectez-vous.',
      not_found: 'Introuvable, ou vous n’y avez pas accès.',
      institution_suspended: 'Votre établissement est suspendu par l’opérateur de la province : rien ne peut être modifié avant sa réactivation. Ses badges restent vérifiables.',
      sso_required: 'Votre établissement connecte son personnel uniquement par son authentification unique (SSO). Utilisez « Me connecter avec mon établissement (SSO) ».',
      invalid_credentials: 'L’adresse courriel ou le mot de passe est incorrect.',
    },
  },
  actions: { signOut: 'Se déconnecter', cancel: 'Annuler', save: 'Enregistrer', close: 'Fermer', remove: 'Retirer' },
};

export default messages;
