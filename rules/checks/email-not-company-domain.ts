import { ownerOf } from '../detect/owner';
import { parseEmail } from '../email/parse';
import { defineCheck } from '../run-checks';
import type { Finding } from '../types';

/** The primary contact's address is on another domain than the company's own. */
type Params = { domain: string; company: string[] };

export const emailNotCompanyDomain = defineCheck<Params>({
  code: 'email-not-company-domain',
  severity: 'warning',
  reads: ['primary-contact-email'],
  messages: {
    en: ({ domain, company }) =>
      `${domain} is not one of your company's domains (${company.join(', ')}). Employment verification ` +
      `checks that the company owns the primary contact's email domain: use the contact's address on your company's domain.`,
    ja: ({ domain, company }) =>
      `${domain} は自社のドメイン (${company.join('、')}) ではありません。在籍確認では主要連絡先のメール ドメインを` +
      `会社が所有していることが確認されるため、自社ドメインのアドレスを入力してください。`,
  },
  examples: {
    flags: [
      { fields: [{ kind: 'primary-contact-email', value: 'jane@fabrikam.com' }], facts: { companyDomains: ['contoso.com'] } },
      {
        fields: [{ kind: 'primary-contact-email', value: 'taro@fabrikam.co.jp', section: '主要連絡先情報' }],
        facts: { companyDomains: ['contoso.co.jp'] },
      },
      // "Customer" only as whom support serves: still our own contact.
      {
        fields: [{ kind: 'primary-contact-email', value: 'jane@fabrikam.com', section: 'Customer support and primary contact' }],
        facts: { companyDomains: ['contoso.com'] },
      },
    ],
    passes: [
      { fields: [{ kind: 'primary-contact-email', value: 'jane@sales.contoso.com' }], facts: { companyDomains: ['contoso.com'] } },
      { fields: [{ kind: 'primary-contact-email', value: 'jane@gmail.com' }], facts: { companyDomains: ['contoso.com'] } },
      { fields: [{ kind: 'primary-contact-email', value: 'jane@fabrikam.com' }] },
      // Another party's contact is on their own domain, not ours.
      {
        fields: [{ kind: 'primary-contact-email', value: 'jane@fabrikam.com', section: "Customer's primary contact" }],
        facts: { companyDomains: ['contoso.com'] },
      },
      {
        fields: [{ kind: 'primary-contact-email', value: 'taro@fabrikam.co.jp', section: '取引先の主要連絡先' }],
        facts: { companyDomains: ['contoso.co.jp'] },
      },
      {
        fields: [{ kind: 'primary-contact-email', value: 'jane@fabrikam.com', section: 'Primary contact' }],
        facts: { companyDomains: ['contoso.com'] },
        page: { path: '/en-us/dashboard/v2/customers/3f2a/account' },
      },
    ],
  },
  sandbox: { flags: ['en/clean.html'], quiet: ['ja/clean.html'] },
  run({ fields, facts, page }) {
    const company = facts.companyDomains ?? [];
    if (company.length === 0) return [];
    const findings: Finding<Params>[] = [];
    for (const f of fields) {
      if (f.kind !== 'primary-contact-email' || ownerOf(f.descriptor, page) === 'other') continue;
      const email = parseEmail(f.descriptor.value);
      const info = email && facts.domains[email.host];
      // Personal and tenant-only addresses have their own, more precise marks.
      if (!email || !info || info.personal || info.tenantOnly) continue;
      if (company.some((d) => email.host === d || email.host.endsWith(`.${d}`))) continue;
      findings.push({ fieldId: f.descriptor.id, params: { domain: info.registrable, company } });
    }
    return findings;
  },
});
