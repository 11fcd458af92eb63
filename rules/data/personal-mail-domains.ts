/**
 * Personal mail domains that the maintained list (`email-providers`, common list) does not carry.
 * Each entry is a host or a registrable domain; a mailbox on it or on any of its subdomains is personal.
 *
 * Sources: the carrier and ISP mail named in ../shared/reference/partner-center.md, the carriers' and
 * ISPs' own published mail domains, and localized variants of the big web-mail brands.
 */
export const PERSONAL_MAIL_SUPPLEMENT: readonly string[] = [
  // Japanese mobile carriers
  'docomo.ne.jp', 'mopera.net', 'ezweb.ne.jp', 'au.com', 'auone.jp', 'biz.au.com',
  'softbank.ne.jp', 'i.softbank.jp', 'disney.ne.jp', 'vodafone.ne.jp',
  'ymobile.ne.jp', 'ymobile1.ne.jp', 'y-mobile.ne.jp', 'emobile.ne.jp', 'willcom.com', 'pdx.ne.jp',
  'uqmobile.jp', 'rakuten.jp', 'rakumail.jp', 'povo.jp', 'ahamo.jp',
  // Japanese ISPs and portals
  'nifty.com', 'nifty.ne.jp', 'biglobe.ne.jp', 'ocn.ne.jp', 'so-net.ne.jp', 'plala.or.jp', 'dion.ne.jp',
  'odn.ne.jp', 'ybb.ne.jp', 'yahoo.ne.jp', 'yahoo.co.jp', 'excite.co.jp', 'infoseek.jp', 'livedoor.com',
  'goo.jp', 'mail.goo.ne.jp', 'jcom.home.ne.jp', 'jcom.zaq.ne.jp', 'zaq.ne.jp', 'k-opti.com',
  'eonet.ne.jp', 'hi-ho.ne.jp', 'asahi-net.or.jp', 'commufa.jp', 'bbexcite.jp', 'tiki.ne.jp',
  'hotmail.co.jp', 'outlook.jp', 'live.jp', 'msn.co.jp', 'aol.jp', 'icloud.jp',
  // Widely used web-mail missing from the common list
  'googlemail.com', 'ymail.com', 'rocketmail.com', 'pm.me', 'protonmail.ch', 'tutanota.com', 'tutanota.de',
  'tuta.io', 'tuta.com', 'fastmail.com', 'fastmail.fm', 'zohomail.com', 'hanmail.net', 'rediffmail.com',
  'yeah.net', 'foxmail.com', 'outlook.fr', 'outlook.de', 'outlook.es', 'outlook.it', 'outlook.kr',
  'hotmail.fr', 'hotmail.de', 'hotmail.es', 'hotmail.it', 'hotmail.co.uk', 'live.co.uk', 'live.fr',
  'live.de', 'yahoo.co.in', 'yahoo.com.au', 'yahoo.com.br', 'yahoo.de', 'yahoo.fr', 'yahoo.es',
];

/**
 * Brands whose every country domain is web-mail (`yahoo.*`, `hotmail.*` …): matched on the registrable
 * domain without its public suffix, so `hotmail.com.br` and `yahoo.co.jp` are both personal.
 */
export const PERSONAL_MAIL_BRANDS: readonly string[] = [
  'gmail', 'googlemail', 'yahoo', 'ymail', 'hotmail', 'outlook', 'live', 'msn', 'icloud', 'aol',
  'gmx', 'protonmail', 'yandex',
];

/** Local parts of shared or role mailboxes that fail employment verification as a primary contact. */
export const GROUP_ALIAS_LOCAL_PARTS: readonly string[] = [
  'info', 'admin', 'administrator', 'marketing', 'email', 'mail', 'contact', 'contactus', 'sales',
  'support', 'help', 'helpdesk', 'office', 'team', 'hello', 'enquiries', 'inquiry', 'inquiries',
  'noreply', 'no-reply', 'webmaster', 'postmaster', 'hostmaster', 'billing', 'accounts', 'hr',
  'jobs', 'careers', 'service', 'general', 'all', 'staff', 'it', 'ops', 'security', 'partners',
  'partner', 'csp', 'licensing', 'licenses', 'msft', 'microsoft', 'soumu', 'jimu', 'eigyo', 'somu',
];

/** Tenant sign-in domains: a name there usually has no mailbox. */
export const TENANT_ONLY_SUFFIXES: readonly string[] = ['onmicrosoft.com', 'onmicrosoft.de', 'partner.onmschina.cn'];
