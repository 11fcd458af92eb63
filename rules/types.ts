/**
 * The vocabulary shared by everything in `rules/`: pure data, no DOM, no browser API.
 *
 * The content script turns each form control into a {@link FieldDescriptor}; the classifiers in
 * `rules/detect` give it a {@link FieldKind}; the checks in `rules/checks` read classified fields plus the
 * {@link Facts} the extension knows, and return {@link Finding}s.
 */

export type Severity = 'error' | 'warning' | 'info';
export type Locale = 'en' | 'ja';

/** Everything the page says about one form control, read once from the DOM. */
export interface FieldDescriptor {
  /** Stable per element for the life of the page (assigned by the content script). */
  id: string;
  /** `input`, `select`, `textarea` or `combobox` (an element with role=combobox). */
  tag: 'input' | 'select' | 'textarea' | 'combobox';
  type: string;
  name: string;
  htmlId: string;
  autocomplete: string;
  inputMode: string;
  /** Angular `formcontrolname`, `data-*` hints and similar framework attributes, already joined. */
  hints: string[];
  /** Label texts, strongest source first. */
  labels: LabelSource[];
  /** Fieldset legend or nearest heading above the field, if any. */
  section: string;
  /** What the user sees as the value: input value, selected option text, combobox text. */
  value: string;
  /** For selects: the selected option's `value` attribute (often an ISO code). */
  optionValue?: string;
  visible: boolean;
  /** Read-only or disabled: the page displays a value rather than asking for one. */
  readOnly?: boolean;
  /** The element's own ARIA role, when it has one (`searchbox`, `combobox` …). */
  role?: string;
  /** For selects: a few option texts (at most 12), enough to tell a list of countries from other lists. */
  options?: string[];
}

export type LabelSourceKind =
  | 'label-for'
  | 'label-wrap'
  | 'aria-labelledby'
  | 'aria-label'
  | 'placeholder'
  | 'title'
  | 'preceding-text'
  | 'table-cell'
  | 'column-header'
  | 'aria-describedby'
  | 'dt';

export interface LabelSource {
  source: LabelSourceKind;
  text: string;
}

export type FieldKind =
  | 'email'
  | 'primary-contact-email'
  | 'support-email'
  | 'partner-id'
  | 'company-name'
  | 'address-line1'
  | 'address-line2'
  | 'city'
  | 'state'
  | 'postal-code'
  | 'country'
  | 'phone'
  | 'duns'
  | 'unknown';

export interface ClassifiedField {
  descriptor: FieldDescriptor;
  kind: FieldKind;
  /** 0..1: how sure the classifier is. */
  confidence: number;
}

/** What one email domain is, as resolved by `rules/email/domain.ts` (in the background). */
export interface DomainInfo {
  /** The host after normalization (NFKC, lower case, no trailing dot, IDN → punycode). */
  host: string;
  /** Registrable domain per the Public Suffix List, or the host when none. */
  registrable: string;
  /** Web-mail, carrier or ISP mail: a personal mailbox. */
  personal: boolean;
  /** A Microsoft tenant sign-in domain (`*.onmicrosoft.com`) with no mailbox behind it. */
  tenantOnly: boolean;
}

/** An address split into the parts Partner Center's legal business profile has. All optional. */
export type AddressPart = 'line1' | 'line2' | 'city' | 'state' | 'postalCode' | 'country';
export type AddressParts = Partial<Record<AddressPart, string>>;

/** A PartnerID the extension has learned (from the Identifiers page, the user or an imported profile). */
export interface PartnerIdFact {
  /** Digits only. */
  id: string;
  /** Global = PGA (headquarters, not for CSP); location = PLA (one business location, used for CSP). */
  type: 'global' | 'location';
  /** ISO 3166 alpha-2 of the location, when known. */
  country?: string;
}

/** Facts the checks read besides the fields themselves. Every part is optional: unknown stays unknown. */
export interface Facts {
  /** Lookups answered by the background, keyed by normalized host. Missing = not known yet. */
  domains: Record<string, DomainInfo>;
  /** Known PartnerIDs. Empty = nothing learned yet (then no partner-ID check but the format one runs). */
  partnerIds?: PartnerIdFact[];
  /** The CSP section's Associated PartnerID (the PLA tied to the CSP tenant), digits only. */
  associatedPartnerId?: string;
  /** The CSP account's (legal business profile's) country, ISO alpha-2. */
  companyCountry?: string;
  /** The company's own email domains (registrable domains, lower case). */
  companyDomains?: string[];
  /** The verified (standardized) business address, as confirmed by the portal's dialog or the user. */
  verifiedAddress?: AddressParts;
  /** The distributor's CSP region id (see `rules/geo/regions.ts`). */
  distributorRegion?: string;
  distributorName?: string;
}

/**
 * The portal's address-verification dialog, read from the page: what the user entered and what the
 * service suggests. `anchorId` is the element the mark is placed beside (it is listed among the fields'
 * ids by the content script: a dialog's suggested-address block or its "use suggested" control).
 */
export interface AddressDialog {
  anchorId: string;
  entered: AddressParts;
  verified: AddressParts;
}

/** What the content script read from the page besides the form fields. */
export interface PageFacts {
  addressDialog?: AddressDialog;
  /** The page's path (`/en-us/dashboard/v2/customers/…`): the route says whose data a form is about. */
  path?: string;
  /** Errors the portal itself shows (message bars, alerts, dialogs), each with the element its mark sits beside. */
  portalErrors?: PortalErrorSeen[];
}

/**
 * A documented portal error explained: what it means and what to do, in each language, and the enrollment
 * step (`rules/companion/steps.ts`) that fixes it. The background sends it (`rules/portal/explain.ts`).
 */
export interface PortalErrorInfo {
  /** The portal's code: `2201`, `mpn-not-numeric`, `InteractionRequired` … (`rules/portal/errors.ts`). */
  code: string;
  step: string;
  means: Record<Locale, string>;
  todo: Record<Locale, string>;
}

/** A documented portal error (or address-verification status) shown on the page; `anchorId` as for the dialog. */
export interface PortalErrorSeen extends PortalErrorInfo {
  anchorId: string;
}

export interface CheckContext {
  fields: ClassifiedField[];
  facts: Facts;
  page?: PageFacts;
}

/** One problem with one field, with the values its message needs (typed per check). */
export interface Finding<P = unknown> {
  fieldId: string;
  params: P;
  /** Overrides the check's default severity (e.g. info for a standardization-only difference). */
  severity?: Severity;
}

/** A small form for a check's own examples (and the meta-test): field kinds and values, plus facts. */
export interface CheckExample {
  /** A field's kind and value; `section` and `label` when the example is about where the field sits. */
  fields: { kind: FieldKind; value: string; section?: string; label?: string }[];
  facts?: Partial<Facts>;
  page?: PageFacts;
}

/**
 * A message in one language from a finding's params. (Declared as a method so that a `Check<P>` is a
 * `Check`: the registry holds checks of every `P`.)
 */
export type MessageTemplate<P> = { template(params: P): string }['template'];

/**
 * One check: a small declaration. `P` is the type of its findings' params, which its messages read.
 */
export interface Check<P = unknown> {
  /** Stable code shown as `data-issue-code` and documented in the README. Never renamed; the file's name. */
  code: string;
  severity: Severity;
  /** The field kinds this check reads: `runChecks` hands it only fields of these kinds. */
  reads: readonly FieldKind[];
  /** One template per language: adding a `Locale` makes the compiler ask every check for its words. */
  messages: { [L in Locale]: MessageTemplate<P> };
  /** At least one form the check must flag and one it must leave alone (run by the meta-test). */
  examples: { flags: CheckExample[]; passes: CheckExample[] };
  /**
   * Sandbox pages (`test/sandbox/`, as listed in its expectations files) where e2e sees this check flag,
   * and where it must stay quiet. The meta-test holds the expectations to this declaration.
   */
  sandbox: { flags: readonly string[]; quiet: readonly string[] };
  run(ctx: CheckContext): Finding<P>[];
}

/** A finding with everything needed to show it. */
export interface Issue {
  code: string;
  severity: Severity;
  fieldId: string;
  /** In the page's language; `params` lets any surface render it again in its own (`renderMessage`). */
  message: string;
  /** The finding's params (plain JSON data). */
  params: unknown;
}
