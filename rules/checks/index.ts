import type { Check } from '../types';
import { groupAliasEmail } from './group-alias-email';
import { personalEmailDomain } from './personal-email-domain';
import { tenantOnlyEmail } from './tenant-only-email';

/** Every check the extension runs. Registering a check is adding it here (and to the README's table). */
export const CHECKS: readonly Check[] = [personalEmailDomain, groupAliasEmail, tenantOnlyEmail];
