import { EMAIL_KINDS } from '../detect/classify';
import { parseEmail } from '../email/parse';
import { defineCheck } from '../run-checks';
import type { Finding } from '../types';

/** A web-mail, carrier or ISP mailbox in a form that needs an address on the company's own domain. */
type Params = { domain: string };

export const personalEmailDomain = defineCheck<Params>({
  code: 'personal-email-domain',
  severity: 'error',
  reads: EMAIL_KINDS,
  messages: {
    en: ({ domain }) =>
      `${domain} is a personal mail service. Partner Center verifies that the company owns the email domain, ` +
      `so this address will fail verification. Use your work address on your company's domain (for example name@yourcompany.com).`,
    ja: ({ domain }) =>
      `${domain} は個人向けのメール サービスです。Partner Center はメールのドメインを会社が所有していることを確認するため、` +
      `このアドレスでは検証に通りません。会社のドメインの業務用アドレス (例: name@yourcompany.co.jp) を入力してください。`,
  },
  examples: {
    flags: [
      { fields: [{ kind: 'primary-contact-email', value: 'jane@gmail.com' }] },
      { fields: [{ kind: 'email', value: 'taro@mail.yahoo.co.jp' }] },
      { fields: [{ kind: 'support-email', value: 'ＴＡＲＯ＠ＤＯＣＯＭＯ．ＮＥ．ＪＰ' }] },
    ],
    passes: [
      { fields: [{ kind: 'primary-contact-email', value: 'jane@contoso.com' }] },
      { fields: [{ kind: 'company-name', value: 'jane@gmail.com' }] },
    ],
  },
  sandbox: {
    flags: [
      'en/legal-business-profile.html',
      'ja/legal-business-profile.html',
      'en/primary-contact.html',
      'ja/primary-contact.html',
      'en/web-component.html',
      'en/layout-tight-row.html',
      'en/layout-left-edge.html',
      'en/layout-dialog.html',
      'en/layout-frame.html',
    ],
    quiet: ['en/support-details.html', 'ja/support-details.html', 'en/clean.html', 'ja/clean.html'],
  },
  run({ fields, facts }) {
    const findings: Finding<Params>[] = [];
    for (const f of fields) {
      if (!EMAIL_KINDS.includes(f.kind)) continue;
      const email = parseEmail(f.descriptor.value);
      const info = email && facts.domains[email.host];
      if (info?.personal) findings.push({ fieldId: f.descriptor.id, params: { domain: info.registrable } });
    }
    return findings;
  },
});
