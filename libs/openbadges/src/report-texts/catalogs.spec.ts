import { OB3_STEP_NAMES, STEP_NAMES } from '../verification/report';
import { EN } from './en';
import { FR } from './fr';
import { ENUM_PARAMS, MESSAGE_PARAMS, NESTED_PARAMS, type MessageCode, type MessageParams } from './message-text';
import { renderText, REPORT_LANGUAGES, reportCatalog } from './render';

const CODES = Object.keys(MESSAGE_PARAMS) as MessageCode[];
/** Every step of a 2.0 report and of a 3.0 one (the input and recipient steps are shared). */
const ALL_STEPS = [...new Set([...STEP_NAMES, ...OB3_STEP_NAMES])];

/** Every param of `code` set to a marker the rendered sentence must show (enumerations: a real value). */
function sampleParams(code: MessageCode): MessageParams {
  return Object.fromEntries(
    MESSAGE_PARAMS[code].map((name): [string, MessageParams[string]] => {
      if (ENUM_PARAMS[name]) return [name, ENUM_PARAMS[name][1]];
      if (NESTED_PARAMS.includes(name)) return [name, [{ messageCode: 'EXPIRED', params: { expires: `⟨${name}⟩` } }]];
      return [name, `⟨${name}⟩`];
    }),
  );
}

describe('report catalogues', () => {
  it('have a sentence for exactly the message codes, a title for every step and the same advice and value types', () => {
    for (const lang of REPORT_LANGUAGES) {
      const catalog = reportCatalog(lang);
      expect(Object.keys(catalog.messages).sort()).toEqual([...CODES].sort());
      expect(Object.keys(catalog.steps).sort()).toEqual([...ALL_STEPS].sort());
      expect(Object.keys(catalog.advice).sort()).toEqual(ENUM_PARAMS.advice.filter(Boolean).sort());
      expect(Object.keys(catalog.valueTypes).sort()).toEqual([...ENUM_PARAMS.valueType].sort());
    }
  });

  it.each(CODES)('%s: both languages name every one of its params, and French is not English', (code) => {
    const params = sampleParams(code);
    const en = renderText({ messageCode: code, params }, 'en');
    const fr = renderText({ messageCode: code, params }, 'fr');
    for (const name of MESSAGE_PARAMS[code]) {
      if (ENUM_PARAMS[name]) continue;
      expect(en).toContain(`⟨${name}⟩`);
      expect(fr).toContain(`⟨${name}⟩`);
    }
    expect(fr).not.toEqual(en);
  });

  it('words enumerated and nested params in the sentence’s own language', () => {
    const failed = { messageCode: 'FETCH_FAILED', params: { url: 'https://x.example/a', reason: 'timed out', advice: 'timeout' } } as const;
    expect(renderText(failed, 'en')).toBe("Could not download https://x.example/a: timed out. The issuer's server did not respond in time; try again later.");
    expect(renderText(failed, 'fr')).toBe('Impossible de télécharger https://x.example/a : timed out. Le serveur de l’émetteur n’a pas répondu à temps ; réessayez plus tard.');
    const listed = { messageCode: 'REVOKED_LISTED', params: { list: 'https://x.example/rl', revocation: [{ messageCode: 'REVOKED', params: { issuer: 'Collège Boréal', date: '2026-03-01', reason: '' } }] } } as const;
    expect(renderText(listed, 'fr')).toBe(
      'Ce badge a été révoqué par Collège Boréal le 2026-03-01. Aucune raison n’a été donnée. Il n’est plus valide ; son titulaire peut se renseigner auprès de l’émetteur. (Inscrit dans https://x.example/rl.)',
    );
  });

  it('keep the step titles the same in number and distinct from each other', () => {
    expect(new Set(Object.values(FR.steps)).size).toBe(ALL_STEPS.length);
    expect(new Set(Object.values(EN.steps)).size).toBe(ALL_STEPS.length);
  });
});
