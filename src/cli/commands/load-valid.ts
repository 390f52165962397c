import { validateRepository, type Validation } from '../../pipeline/index.js';
import { asShown, formatText, summarise } from '../diagnostics-output.js';
import type { CommandIO } from '../io.js';

/**
 * Figures from invalid data would be wrong figures: commands that compute run the
 * validator first and stop, printing its errors, when the data has any.
 */
export async function loadValid(root: string, io: CommandIO): Promise<Validation | undefined> {
  const validation = await validateRepository(root);
  const errors = validation.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return validation;
  io.err(formatText(asShown(errors, io)));
  io.err(`${summarise(validation.diagnostics)} Fix them (see "cop validate") and run again.`);
  return undefined;
}
