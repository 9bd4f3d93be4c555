import type { Language } from '../catalog';
import common from './common';
import consoleArea from './console';
import consoleIntegrations from './console-integrations';
import consolePeople from './console-people';
import operator from './operator';
import passport from './passport';
import verify from './verify';

const language: Language = {
  name: 'Français',
  messages: { common, verify, passport, console: consoleArea, consoleIntegrations, consolePeople, operator },
};

export default language;
