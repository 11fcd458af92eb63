import { countryName } from '../geo/country';
import { regionName, regionOf, isRegionId } from '../geo/regions';
import type { Locale, PartnerIdFact } from '../types';
import { STEPS, type EvidenceKind, type Step, type StepStatus } from './steps';

/**
 * Where the admin is in the enrollment: each step's status from the evidence seen (or set by hand), the
 * next step, and whether partner-of-record (POR) validation would pass. Pure.
 */

/** One piece of evidence as kept: what was seen, where (URL path) and when. */
export interface EvidenceRecord {
  kind: EvidenceKind;
  value: string;
  seen: string;
  /** The portal path it was read on ('' for what the profile says). */
  path: string;
  at: string;
}

/** A state the user set by hand; it wins over evidence until reset to automatic. */
export interface ManualState {
  state: StepStatus;
  at: string;
}

export interface Progress {
  /** The latest evidence of each kind. */
  evidence: Partial<Record<EvidenceKind, EvidenceRecord>>;
  /** Hand-set states by step id. */
  manual: Record<string, ManualState>;
}

export const emptyProgress = (): Progress => ({ evidence: {}, manual: {} });

export interface StepView {
  step: Step;
  status: StepStatus;
  /** The status evidence alone gives. */
  auto: StepStatus;
  manual?: ManualState;
  /** The evidence that decided `auto`, if any. */
  evidence?: EvidenceRecord;
}

const RANK: Record<StepStatus, number> = { blocked: 3, done: 2, 'in-progress': 1, todo: 0, skipped: 0 };

/** A step's status from evidence: blocked over done over in progress; to do when nothing was seen. */
export function autoStatus(step: Step, evidence: Progress['evidence']): { status: StepStatus; evidence?: EvidenceRecord } {
  let best: { status: StepStatus; evidence?: EvidenceRecord } = { status: 'todo' };
  for (const rule of step.evidence) {
    const record = evidence[rule.kind];
    if (!record) continue;
    const status = rule.status[record.value] ?? rule.status['*'];
    if (status && RANK[status] > RANK[best.status]) best = { status, evidence: record };
  }
  return best;
}

export function stepViews(progress: Progress): StepView[] {
  return STEPS.map((step) => {
    const auto = autoStatus(step, progress.evidence);
    const manual = progress.manual[step.id];
    return {
      step,
      status: manual?.state ?? auto.status,
      auto: auto.status,
      ...(manual ? { manual } : {}),
      ...(auto.evidence ? { evidence: auto.evidence } : {}),
    };
  });
}

/** The first step not done or skipped (a blocked step is next: it needs action). */
export const nextStep = (views: StepView[]): StepView | undefined => views.find((v) => v.status !== 'done' && v.status !== 'skipped');

export const doneCount = (views: StepView[]): number => views.filter((v) => v.status === 'done' || v.status === 'skipped').length;

/** What the profile itself says, as evidence (the background adds these to what pages showed). */
export interface ProfileEvidenceInput {
  partnerIds: PartnerIdFact[];
  associatedPartnerId?: string;
  companyName?: string;
  companyCountry?: string;
  companyDomains: string[];
  verifiedFromDialog?: { at?: string };
  distributor?: { name?: string; region?: string };
  updatedAt?: string;
}

export function profileEvidence(p: ProfileEvidenceInput): Progress['evidence'] {
  const at = p.updatedAt ?? '';
  const out: Progress['evidence'] = {};
  const plas = p.partnerIds.filter((x) => x.type === 'location');
  if (plas.length > 0)
    out['pla-known'] = {
      kind: 'pla-known',
      value: 'seen',
      seen: plas.map((x) => `PLA ${x.id}${x.country ? ` (${x.country})` : ''}`).join(', '),
      path: '',
      at,
    };
  const associated = p.associatedPartnerId ? p.partnerIds.find((x) => x.id === p.associatedPartnerId) : undefined;
  if (p.associatedPartnerId && associated?.type !== 'global') {
    out['pla-associated'] = { kind: 'pla-associated', value: 'seen', seen: `Associated PartnerID ${p.associatedPartnerId}`, path: '', at };
  }
  if (p.companyName && p.companyCountry)
    out['legal-profile-submitted'] = { kind: 'legal-profile-submitted', value: 'seen', seen: p.companyName, path: '', at };
  if (p.verifiedFromDialog)
    out['address-verified'] = {
      kind: 'address-verified',
      value: 'seen',
      seen: 'verified address',
      path: '',
      at: p.verifiedFromDialog.at ?? at,
    };
  if (p.companyDomains.length > 0)
    out['account-seen'] = { kind: 'account-seen', value: 'seen', seen: p.companyDomains.join(', '), path: '', at };
  if (p.distributor?.region) {
    out['distributor-set'] = {
      kind: 'distributor-set',
      value: 'seen',
      seen: [p.distributor.name, p.distributor.region].filter(Boolean).join(', '),
      path: '',
      at,
    };
  }
  return out;
}

export type Readiness = 'met' | 'not-met' | 'unknown';

/** Each POR condition's name, as the sidebar and the report list them. */
export const POR_CONDITION_NAMES: Readonly<Record<Locale, Readonly<Record<PorCondition['id'], string>>>> = {
  en: {
    pla: 'PLA associated with the CSP account',
    region: "Business country in the distributor's CSP region",
    status: 'Reseller status Active',
    mpa: 'Microsoft Partner Agreement accepted',
    distributor: 'Distributor authorized',
  },
  ja: {
    pla: 'PLA が CSP アカウントに関連付け済み',
    region: '事業所の国がディストリビューターの CSP リージョン内',
    status: 'リセラーの状態がアクティブ',
    mpa: 'マイクロソフト パートナー契約に同意済み',
    distributor: 'ディストリビューターを承認済み',
  },
};

export interface PorCondition {
  id: 'pla' | 'region' | 'status' | 'mpa' | 'distributor';
  state: Readiness;
  /** Why, in a sentence, with what to do when not met. */
  why: string;
  /** The step that fixes it. */
  step: string;
}

const SAYS: Record<Locale, Record<PorCondition['id'], Record<Readiness, (x: Record<string, string>) => string>>> = {
  en: {
    pla: {
      met: ({ id }) => `PLA ${id} is associated with the CSP account.`,
      'not-met': () => 'A PLA is known but none is associated with the CSP account: associate it on Identifiers.',
      unknown: () => 'No PLA is known yet: open Identifiers once so the assistant can read it.',
    },
    region: {
      met: ({ country, region }) => `${country} is in the ${region} CSP region, which the distributor serves.`,
      'not-met': ({ country, region, distributor }) =>
        `${country} is in the ${region} CSP region, but the distributor serves ${distributor}: orders will be blocked.`,
      unknown: () => "The business country or the distributor's region is not known yet (settings).",
    },
    status: {
      met: ({ seen }) => `The indirect reseller program shows ${seen}.`,
      'not-met': ({ seen }) => `The indirect reseller program shows ${seen}, not Active: see Legal info.`,
      unknown: () => 'The program status has not been seen yet: open Legal info → Program information.',
    },
    mpa: {
      met: () => 'The Microsoft Partner Agreement is accepted.',
      'not-met': () => 'The Microsoft Partner Agreement is not accepted yet: accept it on Agreements as global admin.',
      unknown: () => 'The MPA has not been seen yet: open Account settings → Agreements.',
    },
    distributor: {
      met: ({ seen }) => `The distributor is authorized (${seen}).`,
      'not-met': ({ seen }) => `The distributor is not authorized yet (${seen}): accept its invitation.`,
      unknown: () => 'No distributor has been seen as authorized: accept its invitation, then open Indirect providers.',
    },
  },
  ja: {
    pla: {
      met: ({ id }) => `PLA ${id} が CSP アカウントに関連付けられています。`,
      'not-met': () => 'PLA はありますが CSP アカウントに関連付けられていません。識別子ページで関連付けてください。',
      unknown: () => 'PLA がまだわかりません。識別子ページを一度開いて読み込ませてください。',
    },
    region: {
      met: ({ country, region }) => `${country}はディストリビューターの CSP リージョン「${region}」に含まれます。`,
      'not-met': ({ country, region, distributor }) =>
        `${country}は「${region}」ですが、ディストリビューターの担当は「${distributor}」です。注文がブロックされます。`,
      unknown: () => '事業所の国またはディストリビューターのリージョンがまだわかりません (設定)。',
    },
    status: {
      met: ({ seen }) => `間接リセラー プログラムの状態は「${seen}」です。`,
      'not-met': ({ seen }) => `間接リセラー プログラムの状態が「${seen}」で、アクティブではありません。法的情報を確認してください。`,
      unknown: () => 'プログラムの状態をまだ確認していません。法的情報 → プログラム情報を開いてください。',
    },
    mpa: {
      met: () => 'マイクロソフト パートナー契約に同意済みです。',
      'not-met': () => 'マイクロソフト パートナー契約にまだ同意していません。グローバル管理者が契約ページで同意してください。',
      unknown: () => 'MPA の状態をまだ確認していません。アカウント設定 → 契約を開いてください。',
    },
    distributor: {
      met: ({ seen }) => `ディストリビューターは承認済みです (${seen})。`,
      'not-met': ({ seen }) => `ディストリビューターはまだ承認されていません (${seen})。招待を承認してください。`,
      unknown: () => 'ディストリビューターの承認をまだ確認していません。招待を承認し、間接プロバイダーを開いてください。',
    },
  },
};

export interface PorInput {
  evidence: Progress['evidence'];
  partnerIds: PartnerIdFact[];
  associatedPartnerId?: string;
  companyCountry?: string;
  distributorRegion?: string;
}

/** Each condition POR validation checks at order time: met, not met or unknown, with why and the step that fixes it. */
export function porReadiness(input: PorInput, locale: Locale): PorCondition[] {
  const say = SAYS[locale];
  const out: PorCondition[] = [];
  const add = (id: PorCondition['id'], state: Readiness, step: string, x: Record<string, string> = {}) =>
    out.push({ id, state, step, why: say[id][state](x) });

  const associated = input.associatedPartnerId ? input.partnerIds.find((p) => p.id === input.associatedPartnerId) : undefined;
  if (input.associatedPartnerId && associated?.type !== 'global') add('pla', 'met', 'associate-pla', { id: input.associatedPartnerId });
  else if (input.partnerIds.some((p) => p.type === 'location')) add('pla', 'not-met', 'associate-pla');
  else add('pla', 'unknown', 'associate-pla');

  const country = input.companyCountry;
  const region = (country && regionOf(country)) || undefined;
  const distributor = input.distributorRegion;
  const regionWord = (r: string | undefined) => (r && isRegionId(r) ? regionName(r, locale) : (r ?? '?'));
  if (country && distributor) {
    add('region', region === distributor ? 'met' : 'not-met', 'choose-distributor', {
      country: countryName(country, locale),
      region: regionWord(region),
      distributor: regionWord(distributor),
    });
  } else add('region', 'unknown', 'choose-distributor');

  const status = input.evidence['csp-status'];
  if (!status) add('status', 'unknown', 'status-active');
  else
    add('status', status.value === 'active' || status.value === 'authorized' ? 'met' : 'not-met', 'status-active', { seen: status.seen });

  const mpa = input.evidence.mpa;
  const activeStatus = status && (status.value === 'active' || status.value === 'authorized');
  if (mpa?.value === 'accepted' || (!mpa && activeStatus)) add('mpa', 'met', 'accept-mpa');
  else if (mpa || status?.value === 'qualified') add('mpa', 'not-met', 'accept-mpa');
  else add('mpa', 'unknown', 'accept-mpa');

  const listed = input.evidence['distributor-listed'];
  const authorized = input.evidence['distributor-authorized'];
  if (listed && (listed.value === 'active' || listed.value === 'authorized'))
    add('distributor', 'met', 'authorize-distributor', { seen: listed.seen });
  else if (authorized) add('distributor', 'met', 'authorize-distributor', { seen: authorized.seen });
  else if (listed) add('distributor', 'not-met', 'authorize-distributor', { seen: listed.seen });
  else add('distributor', 'unknown', 'authorize-distributor');
  return out;
}

/** Keeps the newest evidence of its kind (an older reading arriving late never replaces a newer one). */
export function recordEvidence(progress: Progress, record: EvidenceRecord): Progress {
  const current = progress.evidence[record.kind];
  if (current && current.at > record.at) return progress;
  if (current && current.value === record.value && current.seen === record.seen && current.path === record.path) return progress;
  return { ...progress, evidence: { ...progress.evidence, [record.kind]: record } };
}

/** Sets a step by hand, or back to automatic (`auto`). Unknown step ids change nothing. */
export function setManual(progress: Progress, stepId: string, state: StepStatus | 'auto', at: string): Progress {
  if (!STEPS.some((s) => s.id === stepId)) return progress;
  const manual = { ...progress.manual };
  if (state === 'auto') delete manual[stepId];
  else manual[stepId] = { state, at };
  return { ...progress, manual };
}
