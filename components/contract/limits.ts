/**
 * The bounds every message and stored record keeps. Plain numbers, no zod: the content script reads them
 * to clip what it sends (so that a report is never refused), the schemas read them to enforce them.
 */
export const LIMITS = {
  /** PartnerIDs kept in the profile (and learned from one page). */
  partnerIds: 100,
  /** Company email domains kept in the profile. */
  companyDomains: 20,
  /** Issues one frame reports. */
  issues: 500,
  url: 4000,
  title: 1000,
  fieldLabel: 400,
  message: 2000,
  /** Hosts asked about in one domain lookup. */
  lookupHosts: 100,
  host: 253,
  /** Message texts per recognise-portal-errors request, and the longest one. */
  messageTexts: 20,
  messageText: 500,
  /** An imported team-profile text, in characters. */
  importText: 1_000_000,
  /** Characters of a field's value that checks read (a longer value is clipped before checking). */
  value: 1000,
  /** Timestamped copies of unreadable stored profiles kept aside (the oldest dismissed one goes first). */
  setAside: 20,
} as const;

/** Compile-time equality of two types: `Same<A, B>` is `true` only when each is assignable to the other. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Assert<T extends true> = T;
