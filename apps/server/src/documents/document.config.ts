/**
 * The documents module's configuration keys (spread into config.ts): what the forms print that the dossier data
 * does not hold — the place name of the date line and the desk's symbol in document numbers.
 */
import { z } from 'zod';

export const documentConfigKeys = {
  MOTCUA_DOCUMENT_PLACE: {
    default: 'Huế',
    description: 'Place name printed in the date line of issued forms ("Huế, ngày … tháng … năm …"; NĐ 30/2020).',
  },
  MOTCUA_DOCUMENT_DESK_SYMBOL: {
    default: 'BPTNTKQ',
    description: 'Symbol of the receiving desk in form numbers ("15/PBS-BPTNTKQ"; TT 03/2025 Phụ lục I patterns).',
  },
} as const satisfies Record<string, { default: string; description: string }>;

export const documentConfigSchema = {
  MOTCUA_DOCUMENT_PLACE: z.string().min(1).max(60),
  MOTCUA_DOCUMENT_DESK_SYMBOL: z.string().regex(/^[0-9A-ZĐ-]{1,30}$/, 'capital letters, digits and hyphens'),
};

export interface DocumentConfig {
  place: string;
  deskSymbol: string;
}

export function documentConfigOf(c: { MOTCUA_DOCUMENT_PLACE: string; MOTCUA_DOCUMENT_DESK_SYMBOL: string }): DocumentConfig {
  return { place: c.MOTCUA_DOCUMENT_PLACE.normalize('NFC'), deskSymbol: c.MOTCUA_DOCUMENT_DESK_SYMBOL };
}
