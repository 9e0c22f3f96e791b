/**
 * Request validation with zod. Issues are kept whole (with the offending input) so that the error handler can
 * word each one in the caller's language; responses never echo the input back.
 */
import type { FastifySchemaCompiler } from 'fastify';
import { z, type ZodType } from 'zod';
import type { FieldProblem, Language } from './problem';

export class RequestValidationError extends Error {
  constructor(
    readonly part: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(`Invalid ${part}`);
    this.name = 'RequestValidationError';
  }
}

export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(partName(httpPart), result.error.issues) };
  };

function partName(httpPart: string | undefined): string {
  switch (httpPart) {
    case 'querystring':
      return 'query';
    case 'params':
      return 'path';
    case 'headers':
      return 'header';
    default:
      return 'body';
  }
}

const locales = { vi: z.locales.vi(), en: z.locales.en() };

export function fieldProblems(error: RequestValidationError, language: Language): FieldProblem[] {
  const localeError = locales[language].localeError as unknown as (issue: unknown) => string | { message: string };
  return error.issues.map((issue) => {
    const field = [error.part, ...issue.path.map(String)].join('.');
    // Messages set in the schema (custom refinements) are written in both languages as "vi | en".
    const custom = issue.message && !isGenericZodMessage(issue) ? issue.message : undefined;
    if (custom?.includes(' | ')) {
      const [vi, en] = custom.split(' | ');
      return { field, message: (language === 'vi' ? vi : en) ?? custom };
    }
    if (custom) return { field, message: custom };
    const localized = localeError(issue);
    return { field, message: typeof localized === 'string' ? localized : localized.message };
  });
}

function isGenericZodMessage(issue: z.core.$ZodIssue): boolean {
  const english = locales.en.localeError as unknown as (issue: unknown) => string | { message: string };
  const generic = english(issue);
  return (typeof generic === 'string' ? generic : generic.message) === issue.message;
}
