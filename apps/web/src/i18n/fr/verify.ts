import type { Catalog } from '../catalog';

const messages: Catalog['verify'] = {
  title: 'Vérifier un badge',
  intro: 'Déposez l’image d’un badge, collez son lien ou son JSON. Rien n’est conservé.',
};

export default messages;
