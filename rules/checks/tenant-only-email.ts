import { ownerOf } from '../detect/owner';
import { parseEmail } from '../email/parse';
import { defineCheck } from '../run-checks';
import type { Finding } from '../types';

/** A tenant sign-in name (`name@contoso.onmicrosoft.com`) given as the primary contact's email. */
type Params = { domain: string };

export const tenantOnlyEmail = defineCheck<Params>({
  code: 'tenant-only-email',
  severity: 'warning',
  reads: ['primary-contact-email'],
  messages: {
    en: ({ domain }) =>
      `${domain} is a Microsoft tenant sign-in domain, which usually has no mailbox, so the verification email ` +
      `may never arrive. Give the contact's mailbox on your company's own domain.`,
    ja: ({ domain }) =>
      `${domain} は Microsoft テナントのサインイン用ドメインで、通常はメールボックスがないため、` +
      `確認メールが届かない可能性があります。会社独自のドメインにある担当者のメールアドレスを入力してください。`,
  },
  examples: {
    flags: [{ fields: [{ kind: 'primary-contact-email', value: 'jane@contoso.onmicrosoft.com' }] }],
    passes: [
      { fields: [{ kind: 'primary-contact-email', value: 'jane@contoso.com' }] },
      { fields: [{ kind: 'email', value: 'jane@contoso.onmicrosoft.com' }] },
      { fields: [{ kind: 'primary-contact-email', value: 'jane@fabrikam.onmicrosoft.com', section: 'お客様の顧客の連絡先' }] },
    ],
  },
  sandbox: { flags: ['en/tenant-only.html'], quiet: ['en/group-alias.html', 'en/clean.html'] },
  run({ fields, facts, page }) {
    const findings: Finding<Params>[] = [];
    for (const f of fields) {
      if (f.kind !== 'primary-contact-email' || ownerOf(f.descriptor, page) === 'other') continue;
      const email = parseEmail(f.descriptor.value);
      const info = email && facts.domains[email.host];
      if (info?.tenantOnly) findings.push({ fieldId: f.descriptor.id, params: { domain: info.host } });
    }
    return findings;
  },
});
