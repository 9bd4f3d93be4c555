import type { Catalog } from '../catalog';

const messages: Catalog['passport'] = {
  title: 'Mon passeport',
  intro: 'Tous vos badges au même endroit.',
};

export default messages;
