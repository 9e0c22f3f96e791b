/**
 * The dossier engine's ProcedureCaseReader over the catalogue: a published version's case, resolved for the desk
 * that receives the dossier. Rules become agency ids: "where received" is the nearest agency of that kind and
 * level above the receiving desk (desk → service centre → commune people's committee); when the organisation has
 * none of that kind there (Công an xã is not in the tree yet), the nearest people's committee of that level decides.
 * "every" rules list every such agency. Parallel consultation branches keep one step number for all their steps.
 * Months (which the legal clock does not count) give no time limit. Only the group's inter-agency procedure (its first
 * code) runs as an inter-agency chain; a member procedure received on its own does not. A desk under a listed
 * receiving agency counts as that agency (it is where the agency receives).
 */
import {
  findCase,
  limitInWorkingHours,
  type AgencyRef,
  type InternalWorkflow,
  type ProcedureCase,
  type ResponsibleUnit,
  type TimeLimitOptions,
} from '@motcua/core/catalog';
import type {
  InterAgencyDefinition,
  ProcedureCaseReader,
  ProcedureCaseSnapshot,
  WorkflowRole,
  WorkflowStepDefinition,
} from '@motcua/core/dossiers';
import { catalogueDocumentCode } from '@motcua/contracts/catalog-content';
import type { Queryable } from '@motcua/db';
import { getProcedureVersion, listInterAgencyGroups } from '@motcua/db/catalog';

interface AgencyRow {
  id: string;
  kind: string;
  level: string;
}

async function ancestorsOf(db: Queryable, agencyId: string): Promise<AgencyRow[]> {
  return db.query<AgencyRow>(
    `WITH RECURSIVE up AS (
       SELECT id, kind, level, parent_id, 0 AS depth FROM agency WHERE id = $1
       UNION ALL
       SELECT a.id, a.kind, a.level, a.parent_id, up.depth + 1 FROM agency a JOIN up ON a.id = up.parent_id WHERE up.depth < 20)
     SELECT id, kind, level FROM up ORDER BY depth`,
    [agencyId],
  );
}

const workflowRoles: readonly string[] = ['reception_officer', 'specialist', 'department_head', 'agency_leader', 'desk_supervisor'];

export function catalogProcedureCaseReader(db: Queryable, options: TimeLimitOptions = {}): ProcedureCaseReader {
  return {
    async findCase(procedureVersionId, caseCode, receivingAgencyId): Promise<ProcedureCaseSnapshot | null> {
      const version = await getProcedureVersion(db, procedureVersionId);
      if (!version.ok) return null;
      const { content } = version.value;
      const item = findCase(content, caseCode);
      if (!item) return null;
      const ancestors = await ancestorsOf(db, receivingAgencyId);
      if (ancestors.length === 0) return null;
      const resolveOne = async (ref: AgencyRef): Promise<string | null> => {
        if (ref.kind === 'agency') return ref.agencyId;
        if (ref.kind === 'external') return null;
        const match = ancestors.find((a) => a.kind === ref.agencyKind && a.level === ref.agencyLevel);
        if (match) return match.id;
        if (ref.rule === 'every') {
          const [any] = await db.query<{ id: string }>(
            'SELECT id FROM agency WHERE kind = $1 AND level = $2 AND effective_to IS NULL ORDER BY code LIMIT 1',
            [ref.agencyKind, ref.agencyLevel],
          );
          return any?.id ?? null;
        }
        return ancestors.find((a) => a.kind === 'people_committee' && a.level === ref.agencyLevel)?.id ?? null;
      };
      const resolveMany = async (ref: AgencyRef): Promise<string[]> => {
        if (ref.kind === 'rule' && ref.rule === 'every') {
          const rows = await db.query<{ id: string }>(
            'SELECT id FROM agency WHERE kind = $1 AND level = $2 AND effective_to IS NULL ORDER BY code',
            [ref.agencyKind, ref.agencyLevel],
          );
          return rows.map((r) => r.id);
        }
        const one = await resolveOne(ref);
        return one ? [one] : [];
      };
      const competentAgencyId = await resolveOne(content.competentAgency);
      if (!competentAgencyId) return null;
      const listed = new Set((await Promise.all(content.receivingDesks.map(resolveMany))).flat());
      // A desk of a listed agency (the ward's service centre's own desk) receives within the boundary: without this,
      // every counter dossier at a commune desk was "received regardless of boundary" and got no appointment.
      if (ancestors.some((a) => listed.has(a.id))) listed.add(receivingAgencyId);
      const receivingAgencyIds = [...listed];
      // A group's first code is the inter-agency procedure itself (2.000986 …); the member procedures it lists
      // (1.001193 khai sinh …) are also received on their own, and then they are no inter-agency chain.
      const groups = (await listInterAgencyGroups(db, version.value.code)).filter((g) => g.procedureCodes[0] === version.value.code);
      return {
        procedureVersionId,
        procedureCode: version.value.code,
        procedureName: content.name,
        caseCode: item.id,
        caseName: item.name,
        competentAgencyId,
        receivingAgencyIds,
        timeLimits: item.processingTimes.flatMap((t) => {
          const unit = t.unit;
          return unit === 'months' ? [] : t.channels.map((channel) => ({ channel, amount: t.amount, unit }));
        }),
        sameDayCutoff: item.processingTimes.find((t) => t.sameDayCutoff)?.sameDayCutoff ?? null,
        pausesClockOnFinancialObligation: false,
        isCentrallyProvided: false,
        requiredDocuments: item.documents.map((d, i) => ({
          code: catalogueDocumentCode(d, i),
          name: d.name,
          originals: d.originals,
          certifiedCopies: d.certifiedCopies,
          // "bản sao" of unstated kind are counted as photocopies: the desk may ask for certification
          photocopies: d.photocopies + d.copies,
          isOptional: d.requirement !== 'mandatory',
        })),
        fees: item.fees.map((f) => ({ name: f.name, kind: f.kind, amount: f.amountVnd })),
        workflow: await workflowSteps(item, competentAgencyId, receivingAgencyId, resolveOne),
        interAgency: await interAgencyOf(groups, resolveOne, options),
        allowsPostalSubmission: content.postal?.submit ?? item.processingTimes.some((t) => t.channels.includes('postal')),
        allowsPostalReturn: content.postal?.return ?? false,
      };
    },
  };
}

async function workflowSteps(
  item: ProcedureCase,
  competentAgencyId: string,
  receivingAgencyId: string,
  resolve: (ref: AgencyRef) => Promise<string | null>,
): Promise<WorkflowStepDefinition[]> {
  let workflow: InternalWorkflow | undefined;
  for (const w of item.workflows) {
    if ((await resolve(w.agency)) === competentAgencyId) {
      workflow = w;
      break;
    }
  }
  workflow ??= item.workflows[0];
  if (!workflow) return [];
  const unitOf = (unit: ResponsibleUnit) =>
    unit.relation === 'receiving_desk' ? receivingAgencyId : unit.relation === 'agency' ? unit.agencyId : competentAgencyId;
  const roleOf = (role: string): WorkflowRole => (workflowRoles.includes(role) ? (role as WorkflowRole) : 'specialist');
  return workflow.steps.flatMap((step, index) => {
    const tasks = step.kind === 'task' ? [step] : step.branches.flatMap((b) => b.steps);
    return tasks.map((t) => ({ order: index + 1, name: t.name, agencyId: unitOf(t.responsibleUnit), role: roleOf(t.role), budgetHours: t.budgetHours }));
  });
}

async function interAgencyOf(
  groups: Awaited<ReturnType<typeof listInterAgencyGroups>>,
  resolve: (ref: AgencyRef) => Promise<string | null>,
  options: TimeLimitOptions,
): Promise<InterAgencyDefinition | null> {
  const [group] = groups;
  if (!group) return null;
  const legs: InterAgencyDefinition['legs'][number][] = [];
  let leadAgencyId: string | null = null;
  for (const p of group.participants) {
    const agencyId = await resolve(p.agency);
    if (!agencyId) continue;
    if (p.role === 'lead') leadAgencyId = agencyId;
    legs.push({ order: p.order, agencyId, task: p.task, budgetHours: limitInWorkingHours(p.subDeadline.amount, p.subDeadline.unit, options) });
  }
  return leadAgencyId ? { mode: group.mode, leadAgencyId, legs } : null;
}
