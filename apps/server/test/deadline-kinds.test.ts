/**
 * Why a dossier is on the deadlines list is said by a kind the web translates by its word: the list the query
 * answers (db) and the list the contract validates (contracts) are written twice, since neither package may import
 * the other — they must stay the same.
 */
import { describe, expect, it } from 'vitest';
import { deadlineKindSchema } from '@motcua/contracts/dossiers';
import { deadlineKinds } from '@motcua/db/dossiers';

describe('deadline kinds', () => {
  it('are the same in the contract and in the query', () => {
    expect([...deadlineKindSchema.options].sort()).toEqual([...deadlineKinds].sort());
  });

});
