import { translate, type Catalog } from './catalog';
import english from './en';
import french from './fr';

/** Every key path of a catalog, e.g. `verify.verdict.valid`. */
function keys(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`)));
}

describe('message catalogs', () => {
  it('fills placeholders and shows a missing key as itself', () => {
    expect(translate(english.messages, 'passport.welcome', { name: 'Alex' })).toBe('Welcome, Alex');
    expect(translate(french.messages, 'passport.confirm.done', { email: 'a@b.c', collected: 2 })).toBe('a@b.c est confirmée : 2 badge(s) ajouté(s).');
    expect(translate({} as Catalog, 'verify.title')).toBe('verify.title');
  });

  it('has every English message in French, none left empty or with other placeholders', () => {
    expect(keys(french.messages)).toEqual(keys(english.messages));
    for (const key of keys(english.messages)) {
      const en = translate(english.messages, key as never);
      const fr = translate(french.messages, key as never);
      expect(fr.trim()).not.toBe('');
      expect(fr.match(/\{\w+\}/g)?.sort()).toEqual(en.match(/\{\w+\}/g)?.sort());
    }
  });
});
