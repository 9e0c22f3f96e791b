/**
 * Which documents of the reference catalogue apply only in a case. The national records do not mark them: they say
 * it in the name — "Trường hợp <case> thì phải có <document>", "<document> trong trường hợp <case>", "<document>
 * đối với trường hợp <case>", "Đối với <case>: <document>", "<document> (nếu có)". Such a document is seeded as
 * conditional, with the case as its condition and the name without it (said once), so that the desk is not told a
 * mandatory document is missing when the case does not apply. Kept mandatory:
 *   - alternatives and exemptions that follow the document ("Giấy chứng sinh; trường hợp không có … thì nộp …",
 *     "Giấy báo tử … . Trường hợp … thì không phải nộp bản giấy"): the document, or its substitute, is required;
 *   - a case inside a list ("Hồ sơ thiết kế: …; báo cáo thẩm tra trong trường hợp …"): the list is required;
 *   - the channel's own form ("Tờ khai … (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp)"): it
 *     is required on that channel, which `channelsOfDocument` reads from the name (the document's `channels`), so
 *     the counter is not told the online e-form is missing, nor the citizen online the paper form;
 *   - "người bị giữ trong trường hợp khẩn cấp" (a person detained in an emergency, BLTTHS Art. 110), a legal term,
 *     not a case of the document.
 */

import type { Channel } from '@motcua/core/catalog';

export type DocumentRequirementOfName =
  | { readonly requirement: 'mandatory'; readonly name: string; readonly condition: null }
  | { readonly requirement: 'conditional'; readonly name: string; readonly condition: string };

/** "(1.1)", "5.", "b)", "+", "-": the record's numbering of an item, not part of its name. */
const enumerator = /^(?:\((?:\d+(?:\.\d+)*|[ivx]+)\)|\d+(?:\.\d+)*[.)]|[a-zđ]\)|[+\-–•])\s+/u;
const channelChoice = /lựa chọn nộp hồ sơ theo hình thức/u;
const legalTerm = /trường hợp khẩn cấp/iu;
const ifAny = /\s*\(nếu có\)\s*$/u;

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const trimEnd = (s: string) => s.trim().replace(/[\s,;:.]+$/u, '');

/** When a name that opens with its case cannot be split, the case is the name's: said so, not cut at a comma. */
export const caseInName = 'Trường hợp nêu ở tên giấy tờ';

/**
 * The national records write a conditional document as one sentence: "Trường hợp <condition> thì (phải có|nộp)
 * <document>", "Đối với <condition>: <document>". Split it so that the condition and the document are each said
 * once (a slot that showed the whole sentence as its name and its first clause again as the condition read the
 * condition twice). A sentence with no recognisable split keeps its whole text as the name, and `caseInName` as the
 * condition (its first clause, cut at a comma, named another case).
 */
export function splitConditionalDocument(sentence: string): { condition: string; name: string } {
  const text = sentence.trim();
  const m = /^((?:Trường hợp|Đối với)\b.+?)(?:,?\s+thì\s+|,?\s+(?=phải\s+(?:có|nộp|xuất trình)\s))(.+)$/su.exec(text);
  if (m) {
    // "phải có X" / "có X" / "phải nộp X" → X; "nộp lại X", "xuất trình X" keep their verb (it says what to do).
    const rest = m[2]!.replace(/^(?:phải\s+)?có\s+/u, '').replace(/^phải\s+nộp\s+(?!lại\s)/u, '').replace(/^phải\s+/u, '').trim();
    return { condition: m[1]!.trim(), name: capitalise(rest) };
  }
  const colon = /^((?:Trường hợp|Đối với)\b[^:]+?)(?:,?\s*hồ sơ gồm)?\s*:\s*(?:[-+.]\s*)*(.+)$/su.exec(text);
  if (colon) return { condition: trimEnd(colon[1]!), name: capitalise(colon[2]!.trim()) };
  return { condition: caseInName, name: text };
}

/** The first sentence of a name: up to the first ";" or ":" or ". " before a capital, and the rest (with its delimiter). */
function firstSentence(body: string): { head: string; rest: string } {
  const m = /;|:|\.\s+(?=\p{Lu})|\.\s*$/u.exec(body);
  return m ? { head: body.slice(0, m.index), rest: body.slice(m.index) } : { head: body, rest: '' };
}

export function requirementOfDocument(name: string): DocumentRequirementOfName {
  const text = name.trim();
  const mandatory = { requirement: 'mandatory', name, condition: null } as const;
  const conditional = (split: { condition: string; name: string }): DocumentRequirementOfName =>
    channelChoice.test(split.condition) || legalTerm.test(split.condition) || !split.name.trim()
      ? mandatory
      : { requirement: 'conditional', name: split.name, condition: split.condition.slice(0, 2000) };
  const body = text.replace(enumerator, '');
  if (/^(?:Trường hợp|Đối với)\b/u.test(body)) return conditional(splitConditionalDocument(body));
  const { head, rest } = firstSentence(body);
  const prefix = text.slice(0, text.length - body.length);
  const inCase = /\s(?:trong|đối với)\s+(trường hợp\b.*)$/su.exec(head);
  if (inCase) {
    const clause = inCase[1]!.replace(ifAny, '');
    return conditional({ condition: trimEnd(capitalise(clause)), name: `${prefix}${head.slice(0, inCase.index)}${rest}`.trim() });
  }
  if (ifAny.test(head)) return conditional({ condition: 'Nếu có', name: `${prefix}${head.replace(ifAny, '')}${rest}`.trim() });
  return mandatory;
}

/**
 * The submission channels a document of the national records is asked on, read from its name (null = every
 * channel). The records say it in a channel-choice phrase: "(nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức
 * trực tiếp [hoặc gửi hồ sơ qua hệ thống bưu chính])" — the paper form, for the counter and the post (a dossier sent
 * by post carries the paper form too) — and "(… nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực
 * tuyến)", the online one; three e-forms say no phrase but are named "Mẫu hộ tịch điện tử tương tác …", filled on the
 * portal only. "Căn cước điện tử" (an identity paper) or "dịch vụ bưu chính" in a case of authorisation are no
 * channel choice.
 */
const paperChannelPhrase = /nộp hồ sơ theo hình thức trực tiếp|gửi hồ sơ qua (?:hệ thống|dịch vụ) bưu chính/u;
const onlineChannelPhrase = /nộp hồ sơ theo hình thức trực tuyến|^Mẫu (?:hộ tịch )?điện tử tương tác\b/u;

export function channelsOfDocument(name: string): readonly Channel[] | null {
  const text = name.trim().replace(enumerator, '');
  const paper = paperChannelPhrase.test(text);
  const online = onlineChannelPhrase.test(text);
  if (paper === online) return null;
  return paper ? ['counter', 'postal'] : ['online'];
}
