import allProviders from 'email-providers/all.json';
import { getDomain, getDomainWithoutSuffix } from 'tldts';
import { PERSONAL_MAIL_BRANDS, PERSONAL_MAIL_SUPPLEMENT, TENANT_ONLY_SUFFIXES } from '../data/personal-mail-domains';
import type { DomainInfo } from '../types';

/**
 * Resolves an email host to what the checks need to know about it. Runs in the background (the Public
 * Suffix List and the provider list are too big for the content-script budget); the content script asks
 * for each new host and caches the answer.
 */

/**
 * Documentation and placeholder domains (RFC 2606's and `test.com`): the provider list carries them, but
 * they are nobody's web-mail; an address there is a placeholder, not a personal mailbox.
 */
const RESERVED = new Set(['example.com', 'example.net', 'example.org', 'test.com']);
const PERSONAL = new Set<string>([...allProviders, ...PERSONAL_MAIL_SUPPLEMENT].filter((d) => !RESERVED.has(d)));
const BRANDS = new Set(PERSONAL_MAIL_BRANDS);

/** The host itself and each parent down to (and including) `stop`: `a.b.c.jp` → a.b.c.jp, b.c.jp, c.jp. */
function hostAndParents(host: string, stop: string): string[] {
  const out = [host];
  let rest = host;
  while (rest !== stop && rest.includes('.')) {
    rest = rest.slice(rest.indexOf('.') + 1);
    out.push(rest);
  }
  return out;
}

/** `host` must already be normalized (see `parseEmail`). */
export function describeDomain(host: string): DomainInfo {
  const registrable = getDomain(host, { allowPrivateDomains: false }) ?? host;
  const brand = getDomainWithoutSuffix(host, { allowPrivateDomains: false }) ?? '';
  const candidates = hostAndParents(host, registrable);
  const personal = BRANDS.has(brand) || candidates.some((d) => PERSONAL.has(d));
  const tenantOnly = TENANT_ONLY_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`));
  return { host, registrable, personal: personal && !tenantOnly, tenantOnly };
}
