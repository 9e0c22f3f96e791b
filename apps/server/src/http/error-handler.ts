/** The edge: every error becomes a problem+json response, logged once, never a bare 500 for bad input. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainErrorException, type DomainError } from '@motcua/core';
import { fieldProblems, RequestValidationError } from './validation';
import { pickLanguage, problemBody, problemTable, type ProblemCode } from './problem';

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  extra: Parameters<typeof problemBody>[3] = {},
): FastifyReply {
  const body = problemBody(code, pickLanguage(request.headers['accept-language']), String(request.id), {
    instance: request.url.split('?')[0],
    ...extra,
  });
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

export function sendDomainError(request: FastifyRequest, reply: FastifyReply, error: DomainError): FastifyReply {
  const code = (error.code in problemTable ? error.code : 'INTERNAL_ERROR') as ProblemCode;
  if (code === 'INTERNAL_ERROR') request.log.error({ domainError: error }, 'domain error code without a problem entry');
  return sendProblem(request, reply, code, {
    detail: error.message,
    ...(error.details ? { details: error.details as Record<string, unknown> } : {}),
  });
}

const frameworkCodes: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * @param servePage answers a browser's GET for a page outside /api (the SPA shows its own 404 page); without it
 *   every unknown route is a problem+json 404.
 */
export function installErrorHandling(
  app: FastifyInstance,
  servePage?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply,
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof RequestValidationError || (error.validation && error.cause instanceof RequestValidationError)) {
      const validation = error instanceof RequestValidationError ? error : (error.cause as RequestValidationError);
      return sendProblem(request, reply, 'VALIDATION_FAILED', {
        errors: fieldProblems(validation, pickLanguage(request.headers['accept-language'])),
      });
    }
    if (error instanceof DomainErrorException) return sendDomainError(request, reply, error.error);
    const mapped = error.code ? frameworkCodes[error.code] : undefined;
    if (mapped) return sendProblem(request, reply, mapped);
    if (error.statusCode === 429) return sendProblem(request, reply, 'RATE_LIMITED');
    if (error instanceof SyntaxError && error.message.includes('JSON')) return sendProblem(request, reply, 'MALFORMED_JSON');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.warn({ err: error }, 'unmapped client error');
      return sendProblem(request, reply, 'VALIDATION_FAILED', { detail: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 'INTERNAL_ERROR');
  });

  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' && !request.url.startsWith('/api') && (request.headers.accept ?? '').includes('text/html');
    if (isPage && servePage) return servePage(request, reply);
    return sendProblem(request, reply, 'ROUTE_NOT_FOUND');
  });
}
