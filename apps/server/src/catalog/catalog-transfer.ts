/**
 * Catalogue import and export, shared by the CLI and the administration API. Files: the national JSON shape
 * (LayThuTuc) or our Excel template. Each procedure is imported in its own transaction: a rejected one changes
 * nothing and is reported with its reasons (row, sheet, field), the others go ahead.
 */
import type { Actor } from '@motcua/core';
import {
  catalogSheetList,
  legalDateOf,
  mergeNational,
  readCatalogSheets,
  readNationalJson,
  toNationalJson,
  writeCatalogSheets,
  importProcedure,
  type ContentIssue,
  type ImportRowError,
  type ProcedureContent,
  type TimeLimitOptions,
} from '@motcua/core/catalog';
import { readCatalogWorkbook, writeCatalogWorkbook } from '@motcua/adapters/catalog-excel';
import type { Database } from '@motcua/db';
import { listEffectiveVersions, loadAgencyCodes, runCatalogUseCase } from '@motcua/db/catalog';

export type CatalogFileFormat = 'national-json' | 'xlsx';

export interface ImportRejection {
  readonly code: string | null;
  readonly row: number | null;
  readonly sheet: string | null;
  readonly field: string;
  readonly message: string;
}

export interface ImportSummary {
  readonly created: string[];
  readonly updated: string[];
  readonly unchanged: string[];
  readonly rejected: ImportRejection[];
}

export interface ImportOptions {
  readonly db: Database;
  readonly actor: Actor;
  readonly now: () => Date;
  readonly effectiveFrom?: string;
  readonly timeLimits?: TimeLimitOptions;
  readonly requestId?: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** Check every procedure through the same rules and roll each back: the summary of what an import would do. */
  readonly dryRun?: boolean;
}

const allKeys: (keyof ProcedureContent)[] = [
  'name', 'field', 'levels', 'competentAgency', 'receivingDesks', 'subjects', 'steps', 'conditions', 'results',
  'legalBasis', 'publicationDecision', 'onlineLevel', 'legacyOnlineLevel', 'partialOnlineReason', 'postal',
  'requiresPersonalPresence', 'cases', 'documentNotes', 'source', 'isVerified', 'inferredFields',
];

export function formatOf(fileName: string): CatalogFileFormat | null {
  if (/\.json$/i.test(fileName)) return 'national-json';
  if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  return null;
}

const fromRowError = (e: ImportRowError): ImportRejection => ({
  code: e.code,
  row: e.row,
  sheet: e.sheet ?? null,
  field: e.field,
  message: e.message,
});

export async function importCatalogFile(
  format: CatalogFileFormat,
  data: Uint8Array,
  options: ImportOptions,
): Promise<ImportSummary> {
  const summary: ImportSummary = { created: [], updated: [], unchanged: [], rejected: [] };
  type Item = { code: string; content: ProcedureContent; national: boolean; row: number | null };
  const items: Item[] = [];
  if (format === 'national-json') {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8').decode(data));
    } catch (error) {
      summary.rejected.push({ code: null, row: null, sheet: null, field: '(file)', message: `not JSON: ${(error as Error).message}` });
      return summary;
    }
    readNationalJson(json).forEach((r, i) => {
      if (r.ok) items.push({ ...r.value, national: true, row: i + 1 });
      else summary.rejected.push(...r.error.map(fromRowError));
    });
  } else {
    const sheets = await readCatalogWorkbook(data, catalogSheetList);
    const codes = await loadAgencyCodes(options.db);
    for (const r of readCatalogSheets(sheets, codes)) {
      if (r.ok) items.push({ ...r.value, national: false, row: null });
      else summary.rejected.push(...r.error.map(fromRowError));
    }
  }
  let done = 0;
  for (const item of items) {
    const result = await runCatalogUseCase(
      options.db,
      { actor: options.actor, now: options.now(), requestId: options.requestId ?? null },
      (deps) =>
        importProcedure(deps, {
          code: item.code,
          content: item.content,
          carried: allKeys,
          ...(item.national ? { mergeOnto: (latest: ProcedureContent) => mergeNational(latest, item.content) } : {}),
          ...(options.effectiveFrom ? { effectiveFrom: options.effectiveFrom } : {}),
        }),
      options.timeLimits,
      { dryRun: options.dryRun ?? false },
    );
    if (result.ok) summary[result.value.outcome].push(item.code);
    else {
      const issues = (result.error.details?.issues as ContentIssue[] | undefined) ?? [];
      const reasons = issues.length > 0 ? issues : [{ path: '(procedure)', message: result.error.message }];
      summary.rejected.push(...reasons.map((i) => ({ code: item.code, row: item.row, sheet: null, field: i.path, message: i.message })));
    }
    options.onProgress?.(++done, items.length);
  }
  return summary;
}

export async function exportCatalog(
  db: Database,
  format: CatalogFileFormat,
  now: Date,
): Promise<{ body: Uint8Array; contentType: string; fileName: string; count: number }> {
  const day = legalDateOf(now);
  const versions = await listEffectiveVersions(db, day);
  if (format === 'national-json') {
    const json = { result: versions.map((v) => toNationalJson(v.code, v.content)) };
    return {
      body: new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`),
      contentType: 'application/json; charset=utf-8',
      fileName: `danh-muc-tthc-${day}.json`,
      count: versions.length,
    };
  }
  const codes = await loadAgencyCodes(db);
  const sheets = writeCatalogSheets(versions.map((v) => ({ code: v.code, content: v.content })), codes);
  return {
    body: await writeCatalogWorkbook(catalogSheetList, sheets),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `danh-muc-tthc-${day}.xlsx`,
    count: versions.length,
  };
}

/** The import summary as the CLI prints it. */
export function formatImportSummary(fileName: string, format: CatalogFileFormat, summary: ImportSummary): string {
  const list = (codes: readonly string[]) => (codes.length ? `  ${codes.slice(0, 12).join(', ')}${codes.length > 12 ? ', …' : ''}` : '');
  const rejectedCodes = new Set(summary.rejected.map((r) => r.code ?? '(file)'));
  const lines = [
    `Catalogue import from ${fileName} (${format === 'xlsx' ? 'Excel template' : 'national JSON'}):`,
    `  created:   ${String(summary.created.length).padStart(4)}${list(summary.created)}`,
    `  updated:   ${String(summary.updated.length).padStart(4)}${list(summary.updated)}`,
    `  unchanged: ${String(summary.unchanged.length).padStart(4)}`,
    `  rejected:  ${String(rejectedCodes.size).padStart(4)}${summary.rejected.length ? ' (nothing of these was imported)' : ''}`,
    ...summary.rejected.map((r) => {
      const where = [r.sheet, r.row === null ? null : `row ${r.row}`].filter(Boolean).join(' ');
      return `    ${r.code ?? '(file)'}${where ? ` [${where}]` : ''} ${r.field}: ${r.message}`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}
