import { GROUP_ALIAS_LOCAL_PARTS } from '../data/personal-mail-domains';
import { parseEmail } from '../email/parse';
import type { Check, Finding } from '../types';

const ALIASES = new Set(GROUP_ALIAS_LOCAL_PARTS);

/** `info`, `info.jp`, `sales-team`, `admin2` → the alias word it is built on, or null for a person's name. */
export function aliasWord(local: string): string | null {
  const base = local.split('+')[0]!;
  if (ALIASES.has(base)) return base;
  const words = base.split(/[._-]+/).map((w) => w.replace(/\d+$/, ''));
  const hit = words.find((w) => ALIASES.has(w));
  // `admin.jp`, `info-tokyo`, `sales2`: an alias word plus a location or number is still a shared box;
  // `jane.sales` is ambiguous, so only the first word counts.
  return hit !== undefined && words[0] === hit ? hit : null;
}

/** A shared or role mailbox as the primary contact: the portal warns that group aliases fail verification. */
export const groupAliasEmail: Check = {
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
  run({ fields }) {
    const findings: Finding[] = [];
    for (const f of fields) {
      if (f.kind !== 'primary-contact-email') continue;
      const email = parseEmail(f.descriptor.value);
      const alias = email && aliasWord(email.local);
      if (alias) findings.push({ fieldId: f.descriptor.id, params: { alias } });
    }
    return findings;
  },
};
