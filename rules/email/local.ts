import { PERSONAL_MAIL_BRANDS, PERSONAL_MAIL_SUPPLEMENT, TENANT_ONLY_SUFFIXES } from '../data/personal-mail-domains';
import type { DomainInfo } from '../types';

/**
 * A first answer about an email host, in the content script, before the background's full lookup (the
 * Public Suffix List and the whole provider list live there): our supplement (Japanese carriers and ISPs,
 * localized web-mail), the big brands in any country, and tenant sign-in domains. A mark for
 * `gmail.com` then never waits on the service worker, cold or not; the background's answer replaces this
 * one when it arrives. Null: not known here (the background decides). (The maintained list itself stays in
 * the background: it does not fit the content script's budget.)
 */
const RESERVED = new Set(['example.com', 'example.net', 'example.org', 'test.com']);
const LOCAL = new Set<string>(PERSONAL_MAIL_SUPPLEMENT.filter((d) => !RESERVED.has(d)));
const BRANDS = new Set(PERSONAL_MAIL_BRANDS);
/** A public suffix after a brand: a top-level domain (`com`, `de`, `jp`) or a common country second level. */
const TWO_LEVEL = new Set([
  'co.jp',
  'ne.jp',
  'or.jp',
  'co.uk',
  'com.br',
  'com.au',
  'co.in',
  'co.kr',
  'com.cn',
  'com.tw',
  'com.mx',
  'co.nz',
  'com.ar',
  'co.za',
  'com.tr',
  'com.sg',
  'com.hk',
]);
const COUNTRY_SUFFIX = { test: (s: string) => /^[a-z]{2,3}$/.test(s) || TWO_LEVEL.has(s) };

export function provisionalDomain(host: string): DomainInfo | null {
  const tenant = TENANT_ONLY_SUFFIXES.find((s) => host === s || host.endsWith(`.${s}`));
  if (tenant) return { host, registrable: tenant, personal: false, tenantOnly: true };
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const candidate = labels.slice(i).join('.');
    if (LOCAL.has(candidate)) return { host, registrable: candidate, personal: true, tenantOnly: false };
    const rest = labels.slice(i + 1).join('.');
    if (BRANDS.has(labels[i]!) && COUNTRY_SUFFIX.test(rest)) return { host, registrable: candidate, personal: true, tenantOnly: false };
  }
  return null;
}
