import type { Language } from '../catalog';
import common from './common';
import consoleArea from './console';
import consoleIntegrations from './console-integrations';
import consolePeople from './console-people';
import consoleSso from './console-sso';
import operator from './operator';
import passport from './passport';
import verify from './verify';

const language: Language = {
  name: 'English',
  messages: { common, verify, passport, console: consoleArea, consoleIntegrations, consolePeople, consoleSso, operator },
};

export default language;
