/**
 * The translations stay complete and faithful: both languages have the same files and keys (plural forms aside,
 * since Vietnamese has one form and English two), no value is empty, interpolations match, and the Vietnamese
 * text writes the legal terms exactly as the glossary does (shared/domain/glossary.md).
 */
import { describe, expect, it } from 'vitest';
import { languages, namespaces } from './index';

type Tree = { [key: string]: string | Tree };
const files = import.meta.glob<Tree>('./*/*.json', { eager: true, import: 'default' });

function load(language: string, namespace: string): Tree {
  const tree = files[`./${language}/${namespace}.json`];
  if (!tree) throw new Error(`missing ${language}/${namespace}.json`);
  return tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const baseKeys = (keys: Iterable<string>) => [...new Set([...keys].map((k) => k.replace(pluralSuffix, '')))].sort();
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('have one file per namespace in each language, and nothing else', () => {
    for (const language of languages) {
      const present = Object.keys(files)
        .filter((file) => file.startsWith(`./${language}/`))
        .map((file) => file.slice(language.length + 3))
        .sort();
      expect(present, language).toEqual(namespaces.map((ns) => `${ns}.json`).sort());
    }
  });

  it.each(namespaces)('%s: Vietnamese and English have the same keys', (namespace) => {
    const vi = flatten(load('vi', namespace));
    const en = flatten(load('en', namespace));
    expect(baseKeys(en.keys())).toEqual(baseKeys(vi.keys()));
  });

  it.each(namespaces)('%s: English has both plural forms wherever Vietnamese counts', (namespace) => {
    const vi = flatten(load('vi', namespace));
    const en = flatten(load('en', namespace));
    for (const key of vi.keys()) {
      if (!key.endsWith('_other')) continue;
      const base = key.replace(pluralSuffix, '');
      expect(en.has(`${base}_one`) && en.has(`${base}_other`), `${namespace}:${base}`).toBe(true);
    }
  });

  it.each(namespaces)('%s: no empty text, and the same {{placeholders}} in both languages', (namespace) => {
    const vi = flatten(load('vi', namespace));
    const en = flatten(load('en', namespace));
    for (const [key, text] of [...vi, ...en]) expect(text.trim(), `${namespace}:${key}`).not.toBe('');
    for (const [key, text] of en) {
      const viText = vi.get(key) ?? vi.get(key.replace(pluralSuffix, '_other'));
      expect(placeholders(text), `${namespace}:${key}`).toEqual(placeholders(viText ?? ''));
    }
  });

  // Legal terms exactly as the glossary writes them (a capital first letter at the start of a sentence is fine).
  const glossaryTerms = [
    'Bộ phận Một cửa',
    'Trung tâm Phục vụ hành chính công',
    'Cổng Dịch vụ công quốc gia',
    'thủ tục hành chính',
    'mã số hồ sơ',
    'thành phần hồ sơ',
    'bưu chính công ích',
    'ngày hẹn trả',
    'phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    'sổ theo dõi hồ sơ',
  ];

  it.each(namespaces)('%s: Vietnamese legal terms are written as in the glossary', (namespace) => {
    for (const [key, text] of flatten(load('vi', namespace))) {
      for (const term of glossaryTerms) {
        const pattern = new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
        for (const match of text.matchAll(pattern)) {
          const found = match[0];
          const atSentenceStart = match.index === 0 || /[.!?:]\s*$/.test(text.slice(0, match.index));
          const allowed = [term, ...(atSentenceStart ? [term[0]!.toUpperCase() + term.slice(1)] : [])];
          expect(allowed, `${namespace}:${key} writes "${found}"`).toContain(found);
        }
      }
    }
  });
});
