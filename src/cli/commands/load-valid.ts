import { validateRepository, type Validation } from '../../pipeline/index.js';
import { asShown, formatText, summarise } from '../diagnostics-output.js';
import type { CommandIO } from '../io.js';

/**
 * Figures from invalid data would be wrong figures: commands that compute run the
 * validator first and stop, printing its errors, when the data has any.
 */
export async function loadValid(root: string, io: CommandIO): Promise<Validation | undefined> {
  return validOrTold(await validateRepository(root), io);
}

/** The validation when the data has no errors; undefined, its errors printed, when it has. */
export function validOrTold(validation: Validation, io: CommandIO): Validation | undefined {
  const errors = validation.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return validation;
  io.err(formatText(asShown(errors, io)));
  io.err(`${summarise(validation.diagnostics)} Fix them (see "cop validate") and run again.`);
  return undefined;
}

/** Rules that tell of files that could not be read at all: links, special files, syntax, encoding. */
const UNREADABLE = new Set(['file-kind', 'syntax', 'encoding', 'empty-file', 'frontmatter', 'duplicate-field']);

/**
 * Commands that edit records read them as text: a file that cannot be read safely (a link,
 * a device, a file that does not parse) stops them first, with the validator's words.
 */
export async function readableRecords(root: string, io: CommandIO): Promise<boolean> {
  const { diagnostics } = await validateRepository(root);
  const unreadable = diagnostics.filter((d) => d.severity === 'error' && UNREADABLE.has(d.rule));
  if (unreadable.length === 0) return true;
  io.err(formatText(asShown(unreadable, io)));
  io.err('Some records cannot be read safely: nothing was changed. Fix them first (see "cop validate").');
  return false;
}
