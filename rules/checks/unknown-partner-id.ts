import { plaFields, readPartnerId } from '../partner/ids';
import { defineCheck } from '../run-checks';
import type { Finding } from '../types';

/** IDs have been learned, and the one typed is none of them: likely a typo or another company's ID. */
type Params = { id: string; known: string[] };

export const unknownPartnerId = defineCheck<Params>({
  code: 'unknown-partner-id',
  severity: 'warning',
  reads: ['partner-id'],
  messages: {
    en: ({ id, known }) =>
      `${id} is not one of your company's PartnerIDs known to this browser (${known.join(', ')}). ` +
      `Check for a typo, or open the Identifiers page in Partner Center once so the assistant learns your IDs.`,
    ja: ({ id, known }) =>
      `${id} は、このブラウザーが把握している自社の PartnerID (${known.join('、')}) のいずれでもありません。` +
      `入力ミスがないか確認するか、Partner Center の識別子ページを一度開いて ID を読み込ませてください。`,
  },
  examples: {
    flags: [
      { fields: [{ kind: 'partner-id', value: '7654320' }], facts: { partnerIds: [{ id: '7654321', type: 'location', country: 'JP' }] } },
    ],
    passes: [
      { fields: [{ kind: 'partner-id', value: '7654321' }], facts: { partnerIds: [{ id: '7654321', type: 'location', country: 'JP' }] } },
      { fields: [{ kind: 'partner-id', value: '7654320' }] },
    ],
  },
  sandbox: { flags: ['en/pla-association.html', 'ja/pla-association.html'], quiet: ['en/pla-association.html', 'ja/pla-association.html'] },
  run({ fields, facts }) {
    const known = facts.partnerIds ?? [];
    if (known.length === 0) return [];
    const findings: Finding<Params>[] = [];
    for (const f of plaFields(fields)) {
      const reading = readPartnerId(f.descriptor.value);
      if (reading.kind === 'ok' && !known.some((p) => p.id === reading.id)) {
        findings.push({ fieldId: f.descriptor.id, params: { id: reading.id, known: known.map((p) => p.id) } });
      }
    }
    return findings;
  },
});
