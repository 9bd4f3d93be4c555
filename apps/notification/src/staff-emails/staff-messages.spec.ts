import { staffInvitationMessage, staffPasswordResetMessage } from './staff-messages';

const invitation = {
  staffId: 'staff1',
  email: 'ada@college.example',
  name: 'Ada Lovelace',
  institutionName: 'Collège\r\nBoréal',
  expiresAt: '2026-05-08T14:30:00.000Z',
  acceptUrl: 'https://badges.example.org/console/invitation#token=bsi_secret',
};
const reset = {
  staffId: 'staff1',
  email: 'ada@college.example',
  name: 'Ada Lovelace',
  institutionName: 'Collège Boréal',
  expiresAt: '2026-05-01T15:30:00.000Z',
  resetUrl: 'https://badges.example.org/console/password-reset#token=bsp_secret',
};

describe('the staff emails', () => {
  it('invites in English by default wording, naming the inviter when a person invited', () => {
    const message = staffInvitationMessage({ ...invitation, language: 'en', invitedByName: 'Grace Hopper' }, 'staff-invitation-staff1-e1');
    expect(message).toMatchObject({ deliveryId: 'staff-invitation-staff1-e1', to: 'ada@college.example', html: null });
    expect(message.subject).toBe('You are invited to the badge console of Collège Boréal');
    expect(message.text).toContain('Hello Ada Lovelace,');
    expect(message.text).toContain('Grace Hopper invited you');
    expect(message.text).toContain('\nhttps://badges.example.org/console/invitation#token=bsi_secret\n');
    expect(message.text).toContain('until 2026-05-08 14:30 UTC');
    expect(message.text).not.toMatch(/Bonjour/);
  });

  it('invites in French when the inviter chose it; an API client’s invitation names no one', () => {
    const message = staffInvitationMessage({ ...invitation, language: 'fr' }, 'd');
    expect(message.subject).toBe('Invitation à la console des badges de Collège Boréal');
    expect(message.text).toContain('Bonjour Ada Lovelace,');
    expect(message.text).toContain('Un administrateur vous invite');
    expect(message.text).toContain("jusqu'au 2026-05-08 14:30 UTC");
    expect(message.text).not.toMatch(/Hello/);
  });

  it('sends the reset link in the person’s language', () => {
    const en = staffPasswordResetMessage({ ...reset, language: 'en' }, 'd');
    expect(en.subject).toBe('Reset your password for the badge console of Collège Boréal');
    expect(en.text).toContain('https://badges.example.org/console/password-reset#token=bsp_secret');
    expect(en.text).toContain('Every session of yours will be signed out.');
    const fr = staffPasswordResetMessage({ ...reset, language: 'fr' }, 'd');
    expect(fr.subject).toBe('Réinitialisez votre mot de passe de la console des badges de Collège Boréal');
    expect(fr.text).toContain('Toutes vos sessions seront fermées.');
  });
});
