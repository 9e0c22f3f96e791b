/**
 * Vietnamese search text. Both the stored search column and the query go through `normalizeForSearch`, so matching
 * does not depend on the database's unaccent rules or lower() locale, and gives the same results on PGlite and
 * PostgreSQL:
 *   - NFC, then diacritics removed and đ/Đ → d, lower case;
 *   - the i/y spelling variants (kí/ký, lí/lý, mĩ/mỹ, quí/quý) made equal: a syllable whose only vowel is a final
 *     "y" after a consonant (or after "qu") ends in "i" instead. "huy", "tuy", "ngày", "tây" are left alone;
 *   - anything that is not a letter or digit becomes a space; runs of spaces collapse.
 * Each normalized character comes from exactly one character of the NFC input, so matches can be highlighted in
 * the original text.
 */

const COMBINING = /[\u0300-\u036f]/g;
const Y_SYLLABLE = /(^|[^a-z0-9])(b|c|ch|d|g|gh|h|k|kh|l|m|n|ng|nh|p|ph|qu|r|s|t|th|tr|v|x)y(?=$|[^a-z0-9])/g;

function baseLetter(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return 'd';
  const base = ch.normalize('NFD').replace(COMBINING, '').toLowerCase();
  return base.length === 1 && /[a-z0-9]/.test(base) ? base : ' ';
}

interface Mapped {
  /** Normalized text (spaces not collapsed), same length as the NFC source. */
  readonly text: string;
}

function mapChars(source: string): Mapped {
  let text = '';
  for (const ch of source) text += ch.length === 1 ? baseLetter(ch) : ' ';
  // the look-ahead leaves the separator after a syllable unconsumed, so adjacent syllables ("ky ly") both match
  text = text.replace(Y_SYLLABLE, (_m, before: string, consonant: string) => `${before}${consonant}i`);
  return { text };
}

export function normalizeForSearch(value: string): string {
  return mapChars(value.normalize('NFC')).text.replace(/\s+/g, ' ').trim();
}

export function searchTokens(query: string): string[] {
  return normalizeForSearch(query)
    .split(' ')
    .filter((t) => t.length > 0);
}

export interface HighlightSegment {
  readonly text: string;
  readonly isMatch: boolean;
}

/** Damerau–Levenshtein distance with an early cut-off. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

const tolerance = (token: string) => (token.length >= 7 ? 2 : token.length >= 4 ? 1 : 0);

/**
 * Splits `text` into segments, marking what the query matched: the whole query phrase where it occurs, otherwise
 * each query word found as a word (or word start) of the text, and words within one or two typos of a query word.
 */
export function highlightMatches(text: string, query: string): HighlightSegment[] {
  const source = text.normalize('NFC');
  const chars = [...source];
  const normalized = mapChars(source).text;
  const marked = new Array<boolean>(chars.length).fill(false);
  const tokens = searchTokens(query);
  const words: { start: number; end: number; word: string }[] = [];
  for (const m of normalized.matchAll(/[a-z0-9]+/g)) words.push({ start: m.index, end: m.index + m[0].length, word: m[0] });

  const phrase = tokens.join(' ');
  const collapsed = words.map((w) => w.word).join(' ');
  const phraseAt = phrase ? ` ${collapsed} `.indexOf(` ${phrase}`) : -1;
  if (tokens.length > 1 && phraseAt >= 0) {
    // map the phrase's word range back to source positions
    const firstWord = collapsed.slice(0, phraseAt).split(' ').filter(Boolean).length;
    const lastWord = firstWord + tokens.length - 1;
    const first = words[firstWord];
    const last = words[lastWord];
    if (first && last) {
      const end = Math.min(last.end, last.start + tokens[tokens.length - 1]!.length);
      for (let i = first.start; i < end; i++) marked[i] = true;
    }
  } else {
    for (const token of tokens) {
      for (const w of words) {
        if (w.word.startsWith(token)) {
          for (let i = w.start; i < w.start + token.length; i++) marked[i] = true;
        } else if (tolerance(token) > 0 && editDistance(token, w.word, tolerance(token)) <= tolerance(token)) {
          for (let i = w.start; i < w.end; i++) marked[i] = true;
        }
      }
    }
  }
  const segments: HighlightSegment[] = [];
  for (let i = 0; i < chars.length; i++) {
    const last = segments[segments.length - 1];
    if (last && last.isMatch === marked[i]) segments[segments.length - 1] = { text: last.text + chars[i], isMatch: last.isMatch };
    else segments.push({ text: chars[i]!, isMatch: marked[i]! });
  }
  return segments;
}
