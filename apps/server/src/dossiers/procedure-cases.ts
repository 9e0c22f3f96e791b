/**
 * The ProcedureCaseReader port over the catalogue. Placeholder until the catalogue module lands on main.
 */
import type { ProcedureCaseReader } from '@motcua/core/dossiers';
import type { Queryable } from '@motcua/db';

export function catalogProcedureCases(_db: Queryable): ProcedureCaseReader {
  return {
    async findCase() {
      return null;
    },
  };
}
