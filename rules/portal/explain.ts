import type { PortalErrorInfo } from '../types';
import { recognisePortalErrors, type PortalCode } from './errors';

/**
 * What each documented portal error means and what to do, in English and Japanese, and the enrollment step
 * (`rules/companion/steps.ts`) that fixes it. The one source of these words: the background sends them with
 * its answer to the content script (the mark beside the message, `rules/checks/portal-error.ts`), and the
 * issue report (`rules/report/portal.ts`) reads them here. Kept out of the content script's bundle.
 */
type Explanation = Omit<PortalErrorInfo, 'code'>;

const ID_UNKNOWN: Explanation = {
  step: 'associate-pla',
  means: {
    en: 'Partner Center found no partner with the PartnerID that was given: a typo, a PGA ID, or an ID that is not yours.',
    ja: '指定された PartnerID のパートナーが見つかりません。入力ミス、PGA ID、または他社の ID です。',
  },
  todo: {
    en: 'Open Identifiers (Settings → Account settings → Organization profile) and give the PLA ID of the location in your CSP country, digits only.',
    ja: '識別子 (設定 → アカウント設定 → 組織プロファイル) を開き、CSP アカウントの国の拠点の PLA ID を数字だけで伝えてください。',
  },
};
const ID_FORMAT: Explanation = {
  step: 'associate-pla',
  means: {
    en: 'The PartnerID was not accepted as written: it must be the PLA ID, a number with nothing else in it.',
    ja: 'PartnerID の形式が受け付けられません。PLA ID の数字だけを指定する必要があります。',
  },
  todo: {
    en: 'Send the PLA ID shown on Identifiers without spaces, letters or prefixes, and never the global (PGA) ID.',
    ja: '識別子に表示される PLA ID を、空白・文字・接頭辞なしで伝えてください。グローバル (PGA) ID は使えません。',
  },
};
const MPA: Explanation = {
  step: 'accept-mpa',
  means: {
    en: 'The Microsoft Partner Agreement has not been accepted for the CSP region where the order is placed.',
    ja: '注文する CSP リージョンのマイクロソフト パートナー契約 (MPA) に同意していません。',
  },
  todo: {
    en: 'A global admin accepts the MPA under Account settings → Agreements, then checks Legal info → Program information.',
    ja: 'グローバル管理者がアカウント設定 → 契約で MPA に同意し、法的情報 → プログラム情報を確認してください。',
  },
};
const NOT_RESELLER: Explanation = {
  step: 'share-associated-partner-id',
  means: {
    en: 'The PartnerID belongs to no CSP indirect reseller account, so the order cannot name you as partner of record.',
    ja: 'その PartnerID は CSP 間接リセラーのアカウントに関連付けられていないため、パートナー オブ レコードに指定できません。',
  },
  todo: {
    en: 'Give the distributor the Associated PartnerID from the CSP section of Identifiers; associate a PLA there first if none is.',
    ja: '識別子の CSP セクションにある「関連付けられた PartnerID」をディストリビューターに伝えてください。未設定なら先に PLA を関連付けます。',
  },
};
const ADDRESS: PortalErrorInfo['step'] = 'legal-business-profile';

const EXPLAINED: Record<PortalCode, Explanation> = {
  '2200': ID_UNKNOWN,
  '800015': ID_UNKNOWN,
  'mpn-not-numeric': ID_FORMAT,
  '900400': ID_FORMAT,
  '2201': {
    step: 'choose-distributor',
    means: {
      en: "The CSP region of your company's country is not the region the distributor serves; POR validation blocks the order.",
      ja: '会社の国の CSP リージョンが、ディストリビューターの担当リージョンと異なります。POR 検証で注文がブロックされます。',
    },
    todo: {
      en: 'Order through a distributor of your own CSP region (your legal address country cannot be changed).',
      ja: '自社と同じ CSP リージョンのディストリビューター経由で注文してください (法的住所の国は変更できません)。',
    },
  },
  '2203': MPA,
  '900123': MPA,
  '2204': NOT_RESELLER,
  '800016': NOT_RESELLER,
  '800039': {
    step: 'status-active',
    means: {
      en: 'Your indirect reseller program status is not Active (still pending, only qualified, or rejected).',
      ja: '間接リセラー プログラムの状態がアクティブではありません (保留中、資格あり、または拒否)。',
    },
    todo: {
      en: 'Open Legal info → Program information: finish verification or accept the MPA; if it was rejected, contact Microsoft support.',
      ja: '法的情報 → プログラム情報を開き、検証を完了するか MPA に同意してください。拒否の場合はマイクロソフトのサポートに連絡します。',
    },
  },
  Verified: {
    step: ADDRESS,
    means: { en: 'The address service verified the address.', ja: '住所サービスが住所を検証しました。' },
    todo: {
      en: 'Use the suggested (standardized) address as it is, in every later form.',
      ja: '推奨された (標準化された) 住所を、以後のフォームでもそのまま使ってください。',
    },
  },
  VerifiedShippable: {
    step: ADDRESS,
    means: {
      en: 'The address service verified the address, down to a deliverable one.',
      ja: '住所サービスが配達可能な住所として検証しました。',
    },
    todo: {
      en: 'Use the suggested (standardized) address as it is, in every later form.',
      ja: '推奨された (標準化された) 住所を、以後のフォームでもそのまま使ってください。',
    },
  },
  InteractionRequired: {
    step: ADDRESS,
    means: {
      en: 'The suggested address differs a lot from the one entered: the service changed something that matters.',
      ja: '推奨住所が入力した住所と大きく異なります。重要な部分が変更されています。',
    },
    todo: {
      en: 'Compare each line with your registration records and keep the one that matches them, without abbreviations.',
      ja: '各行を登記簿と比べ、省略せず一致する方を使ってください。',
    },
  },
  NotValidated: {
    step: ADDRESS,
    means: { en: 'The address service could not verify the address.', ja: '住所サービスが住所を検証できませんでした。' },
    todo: {
      en: 'Check spelling, number and postal code against your registration records; enter it exactly as registered.',
      ja: '表記、番地、郵便番号を登記簿と照らし、登記どおりに入力してください。',
    },
  },
};

/** A portal code explained (for the mark's params and the report); `undefined` for a code not documented. */
export function explainPortalCode(code: string): PortalErrorInfo | undefined {
  const e = Object.hasOwn(EXPLAINED, code) ? EXPLAINED[code as PortalCode] : undefined;
  return e && { code, ...e };
}

/** The documented portal errors a message's text shows, each explained: the background's answer to the page. */
export const explainPortalErrors = (text: string): PortalErrorInfo[] =>
  recognisePortalErrors(text).flatMap((c) => explainPortalCode(c) ?? []);
