export { badgeEditions, editionTexts } from './badge-editions';
