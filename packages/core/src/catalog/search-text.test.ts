import { describe, expect, it } from 'vitest';
import { editDistance, highlightMatches, normalizeForSearch } from './search-text';

const marked = (segments: { text: string; isMatch: boolean }[]) =>
  segments.map((s) => (s.isMatch ? `[${s.text}]` : s.text)).join('');

describe('Vietnamese search text', () => {
  it('removes diacritics, maps đ to d and lowers case', () => {
    expect(normalizeForSearch('Thủ tục ĐĂNG KÝ khai sinh')).toBe('thu tuc dang ki khai sinh');
    expect(normalizeForSearch('Chứng thực bản sao từ bản chính; giấy tờ (văn bản)')).toBe(
      'chung thuc ban sao tu ban chinh giay to van ban',
    );
  });

  it('makes the i/y spelling variants equal only where Vietnamese allows both', () => {
    expect(normalizeForSearch('đăng kí')).toBe(normalizeForSearch('đăng ký'));
    expect(normalizeForSearch('lý lịch')).toBe(normalizeForSearch('lí lịch'));
    expect(normalizeForSearch('Mỹ, quý, kỹ thuật')).toBe('mi qui ki thuat');
    // y after a vowel or in "uy" is a different sound and stays
    expect(normalizeForSearch('Huy, tuy, ngày, Tây, duyệt, ý kiến')).toBe('huy tuy ngay tay duyet y kien');
  });

  it('treats decomposed (NFD) input like composed input', () => {
    expect(normalizeForSearch('Đăng ký khai sinh'.normalize('NFD'))).toBe('dang ki khai sinh');
  });

  it('measures edit distance with transpositions', () => {
    expect(editDistance('sinh', 'sinh')).toBe(0);
    expect(editDistance('sinh', 'sihn')).toBe(1);
    expect(editDistance('khai', 'kai')).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('highlighting matches in the original text', () => {
  it('marks the matched phrase with its diacritics kept', () => {
    expect(marked(highlightMatches('Thủ tục đăng ký khai sinh', 'dang ky khai sinh'))).toBe('Thủ tục [đăng ký khai sinh]');
    expect(marked(highlightMatches('Thủ tục đăng ký khai sinh', 'đăng kí khai sinh'))).toBe('Thủ tục [đăng ký khai sinh]');
  });

  it('marks a phrase whose last word is being typed', () => {
    expect(marked(highlightMatches('Đăng ký khai tử', 'dang ky kha'))).toBe('[Đăng ký kha]i tử');
  });

  it('marks separate words and words within a typo', () => {
    expect(marked(highlightMatches('Cấp giấy phép xây dựng mới', 'giay phep xay dung'))).toBe('Cấp [giấy phép xây dựng] mới');
    expect(marked(highlightMatches('Đăng ký khai sinh', 'khai sihn'))).toBe('Đăng ký [khai] [sinh]');
    expect(marked(highlightMatches('Tách thửa hoặc hợp thửa đất', 'thua dat'))).toBe('Tách thửa hoặc hợp [thửa đất]');
    expect(marked(highlightMatches('Tách thửa hoặc hợp thửa đất', 'dat thua'))).toBe('Tách [thửa] hoặc hợp [thửa] [đất]');
  });

  it('returns the text unmarked when nothing matches', () => {
    expect(highlightMatches('Khai báo tạm vắng', 'xyz')).toEqual([{ text: 'Khai báo tạm vắng', isMatch: false }]);
  });
});
