import { existingAccountMessage } from './existing-account.message';

describe('the existing-account notice', () => {
  const message = existingAccountMessage(
    { learnerId: 'learner1', email: 'ada@example.org', learnerName: 'Ada Learner', signInUrl: 'https://badges.example.org/passport' },
    'existing-signup-learner1-event1',
  );

  it('goes to the address that was used, in English and French, with the sign-in link', () => {
    expect(message).toMatchObject({ deliveryId: 'existing-signup-learner1-event1', to: 'ada@example.org', html: null });
    expect(message.subject).toBe('You already have a badge passport / Vous avez déjà un passeport de badges');
    expect(message.text).toContain('Hello Ada Learner,');
    expect(message.text).toContain('Someone tried to create a badge passport with your address, ada@example.org.');
    expect(message.text).toContain('Bonjour Ada Learner,');
    expect(message.text).toContain("Quelqu'un a tenté de créer un passeport de badges avec votre adresse, ada@example.org.");
    expect(message.text.match(/https:\/\/badges\.example\.org\/passport/g)).toHaveLength(2);
  });
});
