import { existingAccountMessage } from './existing-account.message';

describe('the existing-account notice', () => {
  const payload = { learnerId: 'learner1', email: 'ada@example.org', learnerName: 'Ada Learner', signInUrl: 'https://badges.example.org/passport' };

  it('is in the owner’s language alone when the event says it, with the sign-in link', () => {
    const french = existingAccountMessage({ ...payload, language: 'fr' }, 'existing-signup-learner1-event1');
    expect(french).toMatchObject({ deliveryId: 'existing-signup-learner1-event1', to: 'ada@example.org', html: null });
    expect(french.subject).toBe('Vous avez déjà un passeport de badges');
    expect(french.text).toContain("Quelqu'un a tenté de créer un passeport de badges avec votre adresse, ada@example.org.");
    expect(french.text).toContain('connectez-vous plutôt à votre passeport : https://badges.example.org/passport');
    expect(french.text).not.toMatch(/Hello|Someone|sign in/);

    const english = existingAccountMessage({ ...payload, language: 'en' }, 'd');
    expect(english.subject).toBe('You already have a badge passport');
    expect(english.text).toContain('Someone tried to create a badge passport with your address, ada@example.org.');
    expect(english.text).not.toMatch(/Bonjour|Quelqu'un/);
  });

  it('is in English then French when the language is unknown', () => {
    const message = existingAccountMessage(payload, 'd');
    expect(message.subject).toBe('You already have a badge passport / Vous avez déjà un passeport de badges');
    expect(message.text).toContain('Hello Ada Learner,');
    expect(message.text).toContain('Bonjour Ada Learner,');
    expect(message.text.match(/https:\/\/badges\.example\.org\/passport/g)).toHaveLength(2);
  });
});
