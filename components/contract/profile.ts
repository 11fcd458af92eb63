import { z } from 'zod';
import { CSP_REGION_IDS } from '../../rules/geo/regions';
import type { Facts } from '../../rules/types';
import { LIMITS, type Assert, type Same } from './limits';

/**
 * The team profile: everything the extension has learned or been told about the reseller. It is stored
 * in the extension's IndexedDB (background) and is also the JSON file that options imports and exports,
 * so one schema serves both. Validated with zod on every read and every import.
 */

export const PROFILE_FORMAT = 'csp-reseller-assistant/team-profile';
export const PROFILE_VERSION = 2;

const text = (max: number) => z.string().trim().max(max);
const iso2 = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code such as "JP"');
const partnerIdDigits = z
  .string()
  .trim()
  .regex(/^\d{5,8}$/, 'a PartnerID: 5 to 8 digits');
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain name such as "contoso.co.jp"');

const contactEmail = z
  .string()
  .trim()
  .max(254)
  .regex(
    /^[^\s@<>()",;:]+@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
    'an email address such as "partners@distributor.example"',
  );

export const addressSchema = z.strictObject({
  line1: text(300).optional(),
  line2: text(300).optional(),
  city: text(200).optional(),
  state: text(200).optional(),
  postalCode: text(40).optional(),
  country: text(100).optional(),
});

/** A PartnerID as the portal shows it: the one shape the page, the messages, the store and the file share. */
export const partnerIdSchema = z.strictObject({
  id: partnerIdDigits,
  type: z.enum(['global', 'location']),
  country: iso2.optional(),
  name: text(300).optional(),
});

/** A PartnerID in the profile: the same, plus where it came from. */
export const storedPartnerIdSchema = partnerIdSchema.extend({
  source: z.enum(['identifiers-page', 'user', 'import']).default('import'),
  /** When it was first learned or added (ISO date and time); options shows it. */
  at: z.string().max(40).optional(),
});

export const profileSchema = z.strictObject({
  format: z.literal(PROFILE_FORMAT).default(PROFILE_FORMAT),
  version: z.literal(PROFILE_VERSION),
  company: z
    .strictObject({
      name: text(300).optional(),
      country: iso2.optional(),
      domains: z.array(domain).max(LIMITS.companyDomains).default([]),
      /** The address as last submitted in the legal business profile (not necessarily the verified one). */
      address: addressSchema.optional(),
    })
    .default({ domains: [] }),
  partnerIds: z.array(storedPartnerIdSchema).max(LIMITS.partnerIds).default([]),
  associatedPartnerId: partnerIdDigits.optional(),
  verifiedAddress: addressSchema
    .extend({ source: z.enum(['dialog', 'user', 'import']).default('import'), confirmedAt: z.string().max(40).optional() })
    .optional(),
  distributor: z
    .strictObject({
      name: text(200).default(''),
      region: z.enum(CSP_REGION_IDS as [string, ...string[]]),
      /** Where the issue report's "Email to the distributor" writes to (version 2). */
      email: contactEmail.optional(),
    })
    .optional(),
  updatedAt: z.string().max(40).optional(),
});

export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

export const emptyProfile = (): Profile => profileSchema.parse({ version: PROFILE_VERSION });

/** Sets (or, with '', clears) the distributor's CSP region; its name and contact email are kept. */
export function setDistributorRegion(p: Profile, region: string): void {
  p.distributor = region ? { ...p.distributor, name: p.distributor?.name ?? '', region } : undefined;
}

/**
 * Upgrades a stored or imported profile of an older version, one step at a time. Version 1 is the
 * first; a step is added here whenever the schema changes, and older files keep importing.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // 2 adds the distributor's contact email (optional): a version-1 profile is a version-2 one without it.
  1: (old) => ({ ...old, version: 2 }),
};

export function migrate(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  let data = raw as Record<string, unknown>;
  let version = typeof data.version === 'number' ? data.version : NaN;
  while (version < PROFILE_VERSION && MIGRATIONS[version]) {
    data = MIGRATIONS[version]!(data);
    version = data.version as number;
  }
  return data;
}

/** One readable line per problem: where in the file, and what was expected. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(file)'}: ${i.message}`);
}

export type ParseResult = { ok: true; profile: Profile } | { ok: false; errors: string[] };

/** Parses a team-profile JSON text (an import) or a stored value. Never throws. */
export function parseProfile(input: unknown): ParseResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, errors: [`Not JSON: ${e instanceof Error ? e.message : String(e)}`] };
    }
  }
  const migrated = migrate(value);
  if (
    typeof migrated === 'object' &&
    migrated !== null &&
    typeof (migrated as { version?: unknown }).version === 'number' &&
    (migrated as { version: number }).version > PROFILE_VERSION
  ) {
    return {
      ok: false,
      errors: [
        `version: this file is version ${(migrated as { version: number }).version}, newer than this extension understands (${PROFILE_VERSION}); update the extension`,
      ],
    };
  }
  const parsed = profileSchema.safeParse(migrated);
  return parsed.success ? { ok: true, profile: parsed.data } : { ok: false, errors: describeIssues(parsed.error) };
}

/**
 * The facts checks read, as the background hands them to content scripts (email domains are looked up
 * apart). `satisfies` below keeps this schema and `rules/types.ts`'s `Facts` one shape.
 */
export const profileFactsSchema = z.object({
  partnerIds: z.array(partnerIdSchema.omit({ name: true })).optional(),
  associatedPartnerId: z.string().optional(),
  companyCountry: z.string().optional(),
  companyDomains: z.array(z.string()).optional(),
  verifiedAddress: addressSchema.partial().optional(),
  distributorRegion: z.string().optional(),
  distributorName: z.string().optional(),
});
export type ProfileFacts = z.infer<typeof profileFactsSchema>;
// Compile-time: the facts a profile yields are exactly what the checks accept (tsc fails otherwise).
export type _ProfileFactsAgree = Assert<Same<ProfileFacts, Omit<Facts, 'domains'>>>;

/** The facts the checks read, from a profile. */
export function factsOf(profile: Profile): ProfileFacts {
  const { line1, line2, city, state, postalCode, country } = profile.verifiedAddress ?? {};
  return {
    partnerIds: profile.partnerIds.map(({ id, type, country: c }) => ({ id, type, ...(c ? { country: c } : {}) })),
    associatedPartnerId: profile.associatedPartnerId,
    companyCountry: profile.company.country,
    companyDomains: profile.company.domains,
    verifiedAddress: profile.verifiedAddress ? { line1, line2, city, state, postalCode, country } : undefined,
    distributorRegion: profile.distributor?.region,
    distributorName: profile.distributor?.name || undefined,
  };
}
