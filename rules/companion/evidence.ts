import { fold } from '../text';
import type { EvidenceKind } from './steps';

/**
 * Reading the portal's status texts (pure: texts in, normalized values out). The content script collects
 * a page's texts in reading order, and table or list rows as cells; these functions decide what they say.
 * Words are matched whole in English and as written in Japanese, after NFKC and lower-casing.
 */

/** One thing read from a page: what, its normalized value, and the words seen (for "Seen Active …"). */
export interface EvidenceReading {
  kind: EvidenceKind;
  value: string;
  seen: string;
}

const PROGRAM_STATUS: Record<string, string> = {
  active: 'active',
  authorized: 'authorized',
  pending: 'pending',
  qualified: 'qualified',
  rejected: 'rejected',
  declined: 'declined',
  'in review': 'pending',
  suspended: 'rejected',
  アクティブ: 'active',
  承認済み: 'authorized',
  保留中: 'pending',
  資格あり: 'qualified',
  拒否: 'rejected',
  拒否済み: 'rejected',
  却下: 'declined',
  審査中: 'pending',
  停止: 'rejected',
};
const AGREEMENT_STATUS: Record<string, string> = {
  accepted: 'accepted',
  signed: 'accepted',
  'accepted by you': 'accepted',
  pending: 'pending',
  'not accepted': 'pending',
  'action needed': 'pending',
  同意済み: 'accepted',
  承諾済み: 'accepted',
  署名済み: 'accepted',
  保留中: 'pending',
  未同意: 'pending',
  要対応: 'pending',
};
const PROVIDER_STATUS: Record<string, string> = {
  active: 'active',
  authorized: 'authorized',
  pending: 'pending',
  アクティブ: 'active',
  承認済み: 'authorized',
  保留中: 'pending',
};

const RESELLER_PROGRAM = [/\bindirect reseller\b/, /\bcloud solution provider\b.*\breseller\b/, /間接リセラー/];
const MPA = [/\bmicrosoft partner agreement\b/, /\bmpa\b/, /マイクロソフト ?パートナー ?契約/, /microsoft パートナー ?契約/];
const ADMIN_AGENT = [/\badmin agent\b/, /管理エージェント/];
const VERIFY_EMAIL = [
  /\bverify your email\b/,
  /\bresend verification email\b/,
  /\bemail verification (is )?(pending|required)\b/,
  /メール.{0,6}確認して/,
  /確認メールを再送信/,
  /メール アドレスの確認/,
];
const EMAIL_VERIFIED = [/\bemail (address )?verified\b/, /\bemail verification (is )?complete\b/, /メール.{0,4}確認済み/];

const any = (patterns: RegExp[], text: string) => patterns.some((p) => p.test(text));

/** The status word a short text is (whole), in `table`; null when it is a sentence or another word. */
function statusWord(text: string, table: Record<string, string>): string | null {
  const t = fold(text)
    .replace(/^(status|状態|ステータス)\s*[:：]\s*/, '')
    .replace(/[.。]$/, '');
  return table[t] ?? null;
}

/**
 * The indirect-reseller program's status on Legal info (Program information): a status word within the
 * few texts after the program's name. Null when the page names no such program (a "Pending actions" panel
 * on the home page says nothing about it).
 */
export function readProgramStatus(texts: readonly string[]): EvidenceReading | null {
  for (let i = 0; i < texts.length; i++) {
    if (!any(RESELLER_PROGRAM, fold(texts[i]!))) continue;
    for (let j = i; j < Math.min(texts.length, i + 8); j++) {
      const value = statusWord(texts[j]!, PROGRAM_STATUS);
      if (value) return { kind: 'csp-status', value, seen: texts[j]!.trim() };
    }
  }
  return null;
}

/** The MPA's state on Agreements: a row naming the MPA and a state. */
export function readMpa(rows: readonly (readonly string[])[]): EvidenceReading | null {
  for (const row of rows) {
    if (!row.some((c) => any(MPA, fold(c)))) continue;
    for (const cell of row) {
      const value = statusWord(cell, AGREEMENT_STATUS);
      if (value) return { kind: 'mpa', value, seen: cell.trim() };
    }
  }
  return null;
}

/**
 * The Admin agent role for the signed-in user in User management: a row holding the account's email (or
 * marked as you) and the role. Without a known account, nothing is claimed.
 */
export function readAdminAgent(rows: readonly (readonly string[])[], account: string | null): EvidenceReading | null {
  const me = account ? fold(account) : null;
  for (const row of rows) {
    const cells = row.map(fold);
    const mine = (me !== null && cells.some((c) => c.includes(me))) || cells.some((c) => /\((you|自分)\)|^(you|自分)$/.test(c));
    if (mine && cells.some((c) => any(ADMIN_AGENT, c)))
      return { kind: 'admin-agent', value: 'seen', seen: row.find((c) => any(ADMIN_AGENT, fold(c)))!.trim() };
  }
  return null;
}

/** The distributor listed on Indirect providers: the first row with a name and a provider status. */
export function readIndirectProvider(rows: readonly (readonly string[])[]): EvidenceReading | null {
  for (const row of rows) {
    const status = row.map((c) => statusWord(c, PROVIDER_STATUS)).find((v) => v !== null);
    const name = row.find((c) => statusWord(c, PROVIDER_STATUS) === null && /\p{L}{2,}/u.test(c) && c.trim().length <= 120);
    if (status && name)
      return {
        kind: 'distributor-listed',
        value: status,
        seen: `${name.trim()}: ${row.find((c) => statusWord(c, PROVIDER_STATUS))!.trim()}`,
      };
  }
  return null;
}

/** The email-verification notice: present (pending) or a verified note; null when the page says neither. */
export function readEmailVerification(texts: readonly string[]): EvidenceReading | null {
  for (const text of texts) {
    const t = fold(text);
    if (any(EMAIL_VERIFIED, t)) return { kind: 'email-verification', value: 'verified', seen: text.trim().slice(0, 120) };
    if (any(VERIFY_EMAIL, t)) return { kind: 'email-verification', value: 'pending', seen: text.trim().slice(0, 120) };
  }
  return null;
}

const AUTHORIZE_PROVIDER = ['authorize indirect provider', '間接プロバイダーを承認する', '間接プロバイダーを承認'];

/** Whether a button's text is the relationship request's "Authorize indirect provider". */
export const isAuthorizeProviderText = (text: string): boolean => AUTHORIZE_PROVIDER.includes(fold(text).replace(/[.。]$/, ''));
