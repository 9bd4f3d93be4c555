import { confirmationMessage } from './confirmation.message';

describe('the passport’s address confirmation email', () => {
  const confirmUrl = 'https://badges.example.org/passport/confirm-email?token=t0ken';
  const payload = { learnerId: 'learner1', identifierId: 'identifier1', email: 'camille@example.org', learnerName: 'Camille', confirmUrl };

  it('is in the learner’s language alone when the event says it', () => {
    const french = confirmationMessage({ ...payload, language: 'fr' }, 'confirm-identifier1-event1');
    expect(french).toMatchObject({ deliveryId: 'confirm-identifier1-event1', to: 'camille@example.org', html: null });
    expect(french.subject).toBe('Confirmez votre adresse pour votre passeport de badges');
    expect(french.text).toContain('Bonjour Camille,');
    expect(french.text).toContain("Confirmez que l'adresse camille@example.org est bien la vôtre");
    expect(french.text).not.toMatch(/Hello|Confirm that|expires/);
    expect(french.text.split(confirmUrl)).toHaveLength(2);

    const english = confirmationMessage({ ...payload, language: 'en' }, 'd');
    expect(english.subject).toBe('Confirm your email address for your badge passport');
    expect(english.text).toContain('Confirm that camille@example.org is yours');
    expect(english.text).not.toMatch(/Bonjour|Confirmez/);
  });

  it('is in English then French, each with the link, when the language is unknown (events from before it was kept)', () => {
    const message = confirmationMessage(payload, 'd');
    expect(message.subject).toBe('Confirm your email address for your badge passport / Confirmez votre adresse pour votre passeport de badges');
    expect(message.text).toContain('Hello Camille,');
    expect(message.text).toContain('Bonjour Camille,');
    expect(message.text.indexOf('Hello')).toBeLessThan(message.text.indexOf('Bonjour'));
    expect(message.text.split(confirmUrl)).toHaveLength(3);
  });
});
