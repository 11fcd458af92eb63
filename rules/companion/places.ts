import { fold } from '../text';
import type { Locale } from '../types';

/**
 * Where each enrollment step happens in the portal: its paths (after the locale prefix; `*` matches the
 * rest) and, for paths nobody knows yet, the headings that name its page. Kept apart from the steps'
 * words so that the content script, which only needs "which step is this page", stays small.
 */
export interface Place {
  pages: readonly string[];
  headings?: Partial<Record<Locale, readonly string[]>>;
}

export const PLACES = {
  'partner-program-membership': { pages: ['/dashboard/account/v3/enrollment/introduction/*'] },
  'open-welcome': {
    pages: ['/pcv/register/joinnow/enrollmentwelcome/*', '/dashboard/account/v3/enrollment/welcome*'],
    headings: {
      en: ['welcome to the indirect reseller enrollment', 'become an indirect reseller'],
      ja: ['間接リセラーの登録へようこそ', '間接リセラーになる'],
    },
  },
  'review-welcome': { pages: [] },
  'sign-in-global-admin': { pages: [] },
  'associate-pla': {
    pages: ['/dashboard/account/v3/organization/identity*', '/dashboard/v2/account-settings/organization/identity*'],
    headings: { en: ['identifiers'], ja: ['識別子'] },
  },
  'legal-business-profile': {
    pages: ['/dashboard/account/v3/enrollment/legal-business-profile*'],
    headings: { en: ['legal business profile'], ja: ['法的ビジネス プロファイル', '法的ビジネスプロファイル'] },
  },
  'primary-contact': { pages: ['/dashboard/account/v3/enrollment/primary-contact*', '/dashboard/account/v3/enrollment/support*'] },
  'verify-email': { pages: ['/dashboard/v2/account-settings/organization/required-verification*'] },
  'business-verification': {
    pages: ['/dashboard/v2/account-settings/organization/legalinfo*'],
    headings: { en: ['legal info', 'legal information'], ja: ['法的情報'] },
  },
  'accept-mpa': { pages: ['/dashboard/account/v3/settings/agreements*'], headings: { en: ['agreements'], ja: ['契約'] } },
  'status-active': { pages: [] },
  'admin-agent-role': {
    pages: ['/dashboard/account/v3/usermanagement*', '/dashboard/v2/account-settings/usermanagement*'],
    headings: { en: ['user management'], ja: ['ユーザー管理'] },
  },
  'choose-distributor': { pages: [] },
  'authorize-distributor': { pages: ['/dashboard/v2/customers/indirectresellers/relationshiprequest/*'] },
  'distributor-listed': {
    pages: ['/dashboard/v2/customers/indirectproviders*'],
    headings: { en: ['indirect providers'], ja: ['間接プロバイダー'] },
  },
  'share-associated-partner-id': { pages: [] },
  'stay-authorized': { pages: [] },
} satisfies Record<string, Place>;

export type PlaceId = keyof typeof PLACES;

/** The portal's locale prefix of a path (`/en-us`, `/ja-jp`). */
const LOCALE_PREFIX = /^\/([a-z]{2}-[a-z]{2,4})(?=\/|$)/i;

/** The portal's locale prefix of a URL (`en-us`, `ja-jp`), or '' when it has none. */
export function portalLocale(url: string): string {
  try {
    return LOCALE_PREFIX.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? '';
  } catch {
    return '';
  }
}

/** A path without the portal's locale prefix (`/ja-jp/dashboard` → `/dashboard`). */
export const withoutLocale = (path: string): string => path.replace(LOCALE_PREFIX, '') || '/';

/** A URL's path without the portal's locale prefix. */
export function portalPath(url: string): string {
  try {
    return withoutLocale(new URL(url).pathname);
  } catch {
    return '';
  }
}

const matches = (pattern: string, path: string) =>
  pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern || path === `${pattern}/`;

/**
 * The step a portal page belongs to: by its path, else by one of its main headings; null for pages no
 * step is about (home, customers …) and for every page outside the portal.
 */
export function placeOfPage(url: string, headings: readonly string[] = []): PlaceId | null {
  if (!/^https:\/\/partner\.microsoft\.com\//.test(url)) return null;
  const path = portalPath(url);
  const ids = Object.keys(PLACES) as PlaceId[];
  const byPath = ids.find((id) => PLACES[id].pages.some((p) => matches(p, path)));
  if (byPath) return byPath;
  const folded = headings.map(fold);
  return (
    ids.find((id) => {
      const hs = (PLACES[id] as Place).headings;
      return hs !== undefined && Object.values(hs).some((list) => list.some((h) => folded.includes(fold(h))));
    }) ?? null
  );
}
