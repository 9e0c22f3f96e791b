/** Helpers of the calendar routes: a 400 naming one parameter, and agency codes resolved to agencies. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findAgencyByCode, type AgencyRef } from '@motcua/db/calendar';
import type { AppDeps } from '../deps';
import { sendProblem } from '../http/error-handler';
import { pickLanguage } from '../http/problem';

/** A 400 problem naming one query parameter, like the schema validation's own. */
export function badParameter(
  request: FastifyRequest,
  reply: FastifyReply,
  field: string,
  messages: { vi: string; en: string },
): FastifyReply {
  return sendProblem(request, reply, 'VALIDATION_FAILED', {
    errors: [{ field, message: messages[pickLanguage(request.headers['accept-language'])] }],
  });
}

export const unknownAgency = { vi: 'Không có cơ quan, đơn vị với mã này', en: 'No agency has this code' };

/** Resolves an optional agency code; undefined when the code is unknown (the caller answers 400). */
export async function resolveAgency(deps: AppDeps, code: string | undefined): Promise<AgencyRef | null | undefined> {
  if (code === undefined) return null;
  return (await findAgencyByCode(deps.db, code)) ?? undefined;
}

