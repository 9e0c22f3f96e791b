/**
 * Public catalogue routes (no session needed): listing and search, procedure detail, version history and
 * differences, fields, inter-agency groups. Catalogue records are public information and hold no personal data.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '@motcua/contracts/problem';
import { DomainErrorException } from '@motcua/core';
import { catalogErrors, diffContent, legalDateOf } from '@motcua/core/catalog';
import {
  diffQuery,
  fieldsResponse,
  interAgencyGroupsQuery,
  interAgencyGroupsResponse,
  procedureCodeParams,
  procedureDetailResponse,
  procedureDiffResponse,
  procedureListQuery,
  procedureListResponse,
  procedureVersionsResponse,
  versionParams,
} from '@motcua/contracts/catalog';
import {
  findAgencyForFilter,
  findEffectiveVersion,
  findVersionByNumber,
  listFields,
  listInterAgencyGroups,
  listVersions,
  searchProcedures,
} from '@motcua/db/catalog';
import type { AppDeps } from '../deps';
import { catalogAdminRoutes } from './catalog-admin.route';
import { catalogFormPublicRoutes } from './catalog-forms.route';
import { mutable, toDetail } from './catalog-views';

const problem = problemSchema;
const tags = ['catalog'];

export async function catalogRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const today = () => legalDateOf(deps.clock.now());
  const timeLimits = { hoursPerWorkingDay: deps.config.catalog.hoursPerWorkingDay };

  api.get(
    '/procedures',
    {
      schema: {
        tags,
        summary: 'List and search the procedures in effect (diacritic-insensitive, typo-tolerant, ranked, highlighted)',
        querystring: procedureListQuery,
        response: { 200: procedureListResponse, 400: problem },
      },
    },
    async (request) => {
      const { q, field, level, agency, onlineLevel, page, pageSize } = request.query;
      const resolved = agency ? await findAgencyForFilter(deps.db, agency) : null;
      if (agency && !resolved) return { items: [], total: 0, page, pageSize };
      const result = await searchProcedures(deps.db, {
        q: q ?? null,
        fieldCode: field ?? null,
        level: level ?? null,
        agency: resolved,
        onlineLevel: onlineLevel ?? null,
        onDate: today(),
        page,
        pageSize,
      });
      return mutable(result);
    },
  );

  api.get(
    '/procedures/:code',
    {
      schema: {
        tags,
        summary: 'The version of a procedure in effect today: cases, documents, fees, time limits, workflow summary',
        params: procedureCodeParams,
        response: { 200: procedureDetailResponse, 400: problem, 404: problem },
      },
    },
    async (request) => {
      const version = await findEffectiveVersion(deps.db, request.params.code, today());
      if (!version) throw new DomainErrorException(catalogErrors.procedureNotFound(request.params.code));
      return toDetail(version, await listInterAgencyGroups(deps.db, version.code), timeLimits);
    },
  );

  api.get(
    '/procedures/:code/versions',
    {
      schema: {
        tags,
        summary: 'Every published version of a procedure, newest first, with effective dates',
        params: procedureCodeParams,
        response: { 200: procedureVersionsResponse, 400: problem, 404: problem },
      },
    },
    async (request) => {
      const versions = await listVersions(deps.db, request.params.code);
      if (versions.length === 0) throw new DomainErrorException(catalogErrors.procedureNotFound(request.params.code));
      return mutable({
        code: request.params.code,
        versions: versions.map(({ publishedBy: _by, ...v }) => v),
      });
    },
  );

  api.get(
    '/procedures/:code/versions/:versionNo',
    {
      schema: {
        tags,
        summary: 'One version of a procedure, e.g. the one a dossier was received under',
        params: versionParams,
        response: { 200: procedureDetailResponse, 400: problem, 404: problem },
      },
    },
    async (request) => {
      const { code, versionNo } = request.params;
      const version = await findVersionByNumber(deps.db, code, versionNo);
      if (!version) throw new DomainErrorException(catalogErrors.versionNotFound(`${code} v${versionNo}`));
      return toDetail(version, await listInterAgencyGroups(deps.db, code), timeLimits);
    },
  );

  api.get(
    '/procedures/:code/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two versions of a procedure',
        params: procedureCodeParams,
        querystring: diffQuery,
        response: { 200: procedureDiffResponse, 400: problem, 404: problem },
      },
    },
    async (request) => {
      const { code } = request.params;
      const [from, to] = await Promise.all([
        findVersionByNumber(deps.db, code, request.query.from),
        findVersionByNumber(deps.db, code, request.query.to),
      ]);
      if (!from) throw new DomainErrorException(catalogErrors.versionNotFound(`${code} v${request.query.from}`));
      if (!to) throw new DomainErrorException(catalogErrors.versionNotFound(`${code} v${request.query.to}`));
      return {
        code,
        from: { versionNo: from.versionNo, versionId: from.id },
        to: { versionNo: to.versionNo, versionId: to.id },
        changes: diffContent(from.content, to.content),
      };
    },
  );

  api.get(
    '/fields',
    {
      schema: {
        tags,
        summary: 'Fields (lĩnh vực) with the number of procedures in effect',
        response: { 200: fieldsResponse },
      },
    },
    async () => ({ items: await listFields(deps.db, today()) }),
  );

  api.get(
    '/inter-agency-groups',
    {
      schema: {
        tags,
        summary: 'Inter-agency (liên thông) groups, optionally those a procedure belongs to',
        querystring: interAgencyGroupsQuery,
        response: { 200: interAgencyGroupsResponse, 400: problem },
      },
    },
    async (request) => ({ items: mutable(await listInterAgencyGroups(deps.db, request.query.procedure ?? null)) }),
  );

  await catalogFormPublicRoutes(app, deps);
  await app.register(async (scope) => catalogAdminRoutes(scope, deps));
}
