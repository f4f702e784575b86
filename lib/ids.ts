import { v7 } from 'uuid';

/** Time-ordered record ids: new rows append to the primary index instead of scattering. */
export function newId(): string {
  return v7();
}
