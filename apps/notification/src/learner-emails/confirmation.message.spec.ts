import { confirmationMessage } from './confirmation.message';

describe('the passport’s address confirmation email', () => {
  const confirmUrl = 'https://badges.example.org/passport/confirm-email?token=t0ken';
  const message = confirmationMessage({ learnerId: 'learner1', identifierId: 'identifier1', email: 'camille@example.org', learnerName: 'Camille', confirmUrl }, 'confirm-identifier1-event1');

  it('goes to the address to confirm, in English and French, each with the link', () => {
    expect(message).toMatchObject({ deliveryId: 'confirm-identifier1-event1', to: 'camille@example.org', html: null });
    expect(message.subject).toBe('Confirm your email address for your badge passport / Confirmez votre adresse pour votre passeport de badges');
    expect(message.text).toContain('Hello Camille,');
    expect(message.text).toContain('Bonjour Camille,');
    expect(message.text).toContain("Confirmez que l'adresse camille@example.org est bien la vôtre");
    expect(message.text.split(confirmUrl)).toHaveLength(3);
  });
});
