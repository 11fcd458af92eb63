import { GROUP_ALIAS_LOCAL_PARTS } from '../data/personal-mail-domains';
import { ownerOf } from '../detect/owner';
import { parseEmail } from '../email/parse';
import { defineCheck } from '../run-checks';
import type { Finding } from '../types';

const ALIASES = new Set(GROUP_ALIAS_LOCAL_PARTS);
const REGION_TAGS = new Set(['jp', 'japan', 'us', 'uk', 'eu', 'emea', 'apac', 'amer', 'na', 'tokyo', 'osaka', 'hq']);

/**
 * `info`, `info2`, `info.jp`, `sales-team`, `info+events` → the alias word the local part is built on;
 * null for anything that could be a person (`jane.doe`, `sales.tanaka`, `hello.kitty`).
 */
export function aliasWord(local: string): string | null {
  const words = local
    .split('+')[0]!
    .split(/[._-]+/)
    .map((w) => w.replace(/\d+$/, ''))
    .filter(Boolean);
  const [first, ...rest] = words;
  if (first === undefined || !ALIASES.has(first)) return null;
  // After the alias word only other alias words or a short region tag (`jp`, `emea`) may follow.
  return rest.every((w) => ALIASES.has(w) || (/^[a-z]{2,4}$/.test(w) && REGION_TAGS.has(w))) ? first : null;
}

/** A shared or role mailbox as the primary contact: the portal warns that group aliases fail verification. */
type Params = { alias: string };

export const groupAliasEmail = defineCheck<Params>({
  code: 'group-alias-email',
  severity: 'warning',
  reads: ['primary-contact-email'],
  messages: {
    en: ({ alias }) =>
      `"${alias}@" looks like a shared mailbox. The primary contact must be one person: use that person's own work ` +
      `address, since employment verification and the verification email go to them.`,
    ja: ({ alias }) =>
      `「${alias}@」は共有のメールボックスのようです。主要連絡先は個人である必要があります。` +
      `在籍確認と確認メールは本人に届くため、担当者本人の業務用アドレスを入力してください。`,
  },
  examples: {
    flags: [
      { fields: [{ kind: 'primary-contact-email', value: 'info@contoso.com' }] },
      { fields: [{ kind: 'primary-contact-email', value: 'Marketing.JP@contoso.co.jp' }] },
      { fields: [{ kind: 'primary-contact-email', value: 'admin2@contoso.com' }] },
      // Our own contact, in a section that names customers only as whom support serves.
      {
        fields: [{ kind: 'primary-contact-email', value: 'info@contoso.co.jp', section: '主要連絡先' }],
        page: { path: '/ja-jp/dashboard/account/v3/enrollment/primary-contact' },
      },
      {
        fields: [{ kind: 'primary-contact-email', value: 'sales@contoso.com', section: 'Primary contact (customer support escalations)' }],
      },
    ],
    passes: [
      { fields: [{ kind: 'primary-contact-email', value: 'jane.doe@contoso.com' }] },
      { fields: [{ kind: 'primary-contact-email', value: 'sales.tanaka@contoso.co.jp' }] },
      { fields: [{ kind: 'support-email', value: 'support@contoso.com' }] },
      // Someone else's contact: a customer's or another company's mailbox is theirs to choose.
      { fields: [{ kind: 'primary-contact-email', value: 'info@fabrikam.com', section: "Customer's primary contact" }] },
      { fields: [{ kind: 'primary-contact-email', value: 'info@fabrikam.co.jp', section: '顧客の主要連絡先' }] },
      {
        fields: [{ kind: 'primary-contact-email', value: 'info@fabrikam.com', section: 'Primary contact' }],
        page: { path: '/en-us/dashboard/v2/customers/abc/contact' },
      },
    ],
  },
  sandbox: { flags: ['en/group-alias.html', 'en/tenant-only.html'], quiet: ['en/clean.html', 'ja/clean.html'] },
  run({ fields, page }) {
    const findings: Finding<Params>[] = [];
    for (const f of fields) {
      if (f.kind !== 'primary-contact-email' || ownerOf(f.descriptor, page) === 'other') continue;
      const email = parseEmail(f.descriptor.value);
      const alias = email && aliasWord(email.local);
      if (alias) findings.push({ fieldId: f.descriptor.id, params: { alias } });
    }
    return findings;
  },
});
