/**
 * National content over the latest version (national-format.ts reads the file): the national record decides what
 * it carries; local details it does not carry are kept from the matching items of the latest version.
 */
import type { Fee, ProcedureCase, ProcedureContent, ProcessingTime, RequiredDocument } from './procedure';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Items matched to the latest version keep the latest's order; new ones follow. */
function inLatestOrder<T>(items: readonly T[], indexInLatest: (item: T) => number): T[] {
  return items
    .map((item, i) => ({ item, key: indexInLatest(item), i }))
    .sort((a, b) => (a.key < 0 ? 1e6 + a.i : a.key) - (b.key < 0 ? 1e6 + b.i : b.key))
    .map((x) => x.item);
}

function mergeCase(latest: ProcedureCase, imported: ProcedureCase): ProcedureCase {
  const timeMatch = (t: ProcessingTime) =>
    latest.processingTimes.findIndex((x) => x.amount === t.amount && x.unit === t.unit && sameSet(x.channels, t.channels));
  const feeMatch = (f: Fee) => latest.fees.findIndex((x) => x.name === f.name && x.amountVnd === f.amountVnd);
  const docMatch = (d: RequiredDocument) => latest.documents.findIndex((x) => x.name === d.name);
  const times = imported.processingTimes.map((t) => {
    const m = latest.processingTimes[timeMatch(t)];
    return m ? { ...t, channels: m.channels, sameDayCutoff: m.sameDayCutoff, isInferred: m.isInferred, note: t.note ?? m.note } : t;
  });
  const fees = imported.fees.map((f) => {
    const m = latest.fees[feeMatch(f)];
    if (!m) return f;
    return {
      ...f,
      code: f.code ?? m.code,
      kind: m.kind,
      per: m.per,
      rule: f.amountVnd === null ? f.rule : m.rule,
      exemptions: m.exemptions,
      channels: sameSet(m.channels, f.channels) ? m.channels : f.channels,
    };
  });
  const documents = imported.documents.map((d) => {
    const m = latest.documents[docMatch(d)];
    if (!m) return d;
    const sameCopies = m.certifiedCopies + m.photocopies + m.copies === d.copies;
    const sameTemplate =
      d.formTemplates.length === 0 ||
      (m.formTemplates[0]?.name === d.formTemplates[0]?.name && m.formTemplates[0]?.url === d.formTemplates[0]?.url);
    return {
      ...m,
      code: d.code ?? m.code,
      originals: d.originals,
      ...(sameCopies ? {} : { certifiedCopies: 0, photocopies: 0, copies: d.copies }),
      formTemplates: sameTemplate && m.formTemplates.length > 0 ? m.formTemplates : d.formTemplates,
    };
  });
  return {
    ...imported,
    description: latest.description,
    processingTimes: inLatestOrder(times, timeMatch),
    fees: inLatestOrder(fees, feeMatch),
    documents: inLatestOrder(documents, docMatch),
    workflows: latest.workflows,
  };
}

/**
 * National content over the latest version: the national record decides what it carries (name, field, steps,
 * conditions, subjects, results, legal basis, the cases' time limits, fees and documents); local details it does
 * not carry (competent agency rule, desks, online level, same-day cut-offs, fee exemptions, document conditions,
 * internal workflows, provenance notes) are kept from the matching items of the latest version.
 */
export function mergeNational(latest: ProcedureContent, imported: ProcedureContent): ProcedureContent {
  return {
    ...latest,
    name: imported.name,
    field: imported.field,
    steps: imported.steps,
    conditions: imported.conditions,
    subjects: imported.subjects,
    results: imported.results,
    legalBasis: imported.legalBasis.map((l) => {
      const m = latest.legalBasis.find((x) => x.number === l.number && x.title === l.title);
      return m ?? l;
    }),
    cases: imported.cases.map((c) => {
      const previous = latest.cases.find((p) => p.id === c.id);
      return previous ? mergeCase(previous, c) : c;
    }),
  };
}
