import type { Check } from '../types';
import { addressDiffersFromVerified } from './address-differs-from-verified';
import { emailNotCompanyDomain } from './email-not-company-domain';
import { groupAliasEmail } from './group-alias-email';
import { malformedPartnerId } from './malformed-partner-id';
import { personalEmailDomain } from './personal-email-domain';
import { pgaInsteadOfPla } from './pga-instead-of-pla';
import { plaCountryMismatch } from './pla-country-mismatch';
import { portalError } from './portal-error';
import { regionMismatch } from './region-mismatch';
import { tenantOnlyEmail } from './tenant-only-email';
import { unknownPartnerId } from './unknown-partner-id';

/** Every check the extension runs. Registering a check is adding it here (and to the README's table). */
export const CHECKS: readonly Check[] = [
  personalEmailDomain,
  groupAliasEmail,
  tenantOnlyEmail,
  emailNotCompanyDomain,
  pgaInsteadOfPla,
  plaCountryMismatch,
  unknownPartnerId,
  malformedPartnerId,
  regionMismatch,
  addressDiffersFromVerified,
  portalError,
];
