import type common from './en/common';
import type consoleArea from './en/console';
import type consoleIntegrations from './en/console-integrations';
import type operator from './en/operator';
import type consolePeople from './en/console-people';
import type consoleSso from './en/console-sso';
import type passport from './en/passport';
import type verify from './en/verify';

/** Same keys as English, any strings: what a translation must provide. */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** One catalog per area of the app; English (./en) is the reference. */
export type Catalog = Strings<{
  common: typeof common;
  verify: typeof verify;
  passport: typeof passport;
  console: typeof consoleArea;
  consoleIntegrations: typeof consoleIntegrations;
  consolePeople: typeof consolePeople;
  consoleSso: typeof consoleSso;
  operator: typeof operator;
}>;

/** A language is a folder beside ./en whose index.ts default-exports this. */
export interface Language {
  /** The language's own name for itself, shown in the switcher. */
  name: string;
  messages: Catalog;
}

type Paths<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}` }[keyof T & string];

/** Every message key, e.g. `verify.title`: t() accepts nothing else. */
export type MessageKey = Paths<Catalog>;

export type MessageParams = Record<string, string | number>;

/** Looks a key up and fills `{name}` placeholders; a missing key shows itself, so it gets noticed. */
export function translate(catalog: Catalog, key: MessageKey, params?: MessageParams): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') return key;
  return params ? node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : node;
}
