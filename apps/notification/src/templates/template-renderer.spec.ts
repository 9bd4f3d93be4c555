import { DEFAULT_TEMPLATES, TemplateKind } from './default-templates';
import { renderEmail, unknownPlaceholders } from './template-renderer';

const values = { badgeName: 'Lab <Safety>', issuerName: 'R&D\r\nBcc: x@y.z', assertionUrl: 'https://b.example.org/public/assertions/a?x=1&y="2"', passportUrl: 'https://b.example.org/passport' };

describe('email templates', () => {
  it('finds unknown placeholders (spaces allowed inside the braces)', () => {
    expect(unknownPlaceholders('{{badgeName}} {{ issuerName }} {{assertionUrl}}')).toEqual([]);
    expect(unknownPlaceholders('{{ learner }} {{learner}} {{}} {{badgeName}}')).toEqual(['learner', '']);
  });

  it('escapes HTML in the html part only, and keeps the subject on one line', () => {
    const rendered = renderEmail({ subject: '{{badgeName}} from {{issuerName}}', text: '{{badgeName}} {{assertionUrl}}', html: '<a href="{{assertionUrl}}">{{badgeName}}</a>' }, values);
    expect(rendered.subject).toBe('Lab <Safety> from R&D Bcc: x@y.z');
    expect(rendered.text).toBe('Lab <Safety> https://b.example.org/public/assertions/a?x=1&y="2"');
    expect(rendered.html).toBe('<a href="https://b.example.org/public/assertions/a?x=1&amp;y=&quot;2&quot;">Lab &lt;Safety&gt;</a>');
  });

  it('has defaults that use only known placeholders and name the badge, the issuer and the link', () => {
    const template = DEFAULT_TEMPLATES[TemplateKind.AssertionIssued];
    for (const part of [template.subject, template.text, template.html ?? '']) expect(unknownPlaceholders(part)).toEqual([]);
    const rendered = renderEmail(template, { badgeName: 'B', issuerName: 'I', assertionUrl: 'https://u', passportUrl: 'https://p' });
    expect(rendered.text).toEqual(expect.stringContaining('https://u'));
    expect(rendered.html).toEqual(expect.stringContaining('href="https://u"'));
    expect(rendered.html).toEqual(expect.stringContaining('href="https://p"'));
    expect(rendered.subject).toBe('I awarded you the badge "B"');
  });
});
