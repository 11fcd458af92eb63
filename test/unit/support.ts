import { describeDomain } from '../../rules/email/domain';
import { parseEmail } from '../../rules/email/parse';
import type { CheckContext, CheckExample, ClassifiedField, FieldDescriptor, FieldKind } from '../../rules/types';

export function descriptor(overrides: Partial<FieldDescriptor> = {}): FieldDescriptor {
  return {
    id: 'f1',
    tag: 'input',
    type: 'text',
    name: '',
    htmlId: '',
    autocomplete: '',
    inputMode: '',
    hints: [],
    labels: [],
    section: '',
    value: '',
    visible: true,
    ...overrides,
  };
}

export function field(kind: FieldKind, value: string, id = 'f1', where: { section?: string; label?: string } = {}): ClassifiedField {
  const labels = where.label ? [{ source: 'label-for' as const, text: where.label }] : [];
  return { descriptor: descriptor({ id, value, section: where.section ?? '', labels }), kind, confidence: 1 };
}

/** A check context as the content script would have it once the background answered every lookup. */
export function contextOf(example: CheckExample): CheckContext {
  const fields = example.fields.map((f, i) => field(f.kind, f.value, `f${i + 1}`, f));
  const domains: CheckContext['facts']['domains'] = {};
  for (const f of fields) {
    const host = parseEmail(f.descriptor.value)?.host;
    if (host) domains[host] = describeDomain(host);
  }
  return { fields, facts: { domains, ...example.facts }, page: example.page };
}

/** A learner's or pipeline's companion deps that answer nothing (tests about other things). */
export const noEvidence = {
  pageEvidence: async () => undefined,
  authorizedProvider: () => {},
  readAgain: () => {},
};
