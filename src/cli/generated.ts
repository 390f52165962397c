import { GENERATED_DOCS } from '../docs/index.js';
import { EDITOR_SETTINGS } from '../edit/editor-settings.js';
import { FORM_FILES } from '../edit/forms/index.js';
import { GENERATED_FILES } from '../reports/build.js';

/**
 * Every file a build writes, as each stage declares its own (reports and charts, generated docs,
 * issue forms, the editor settings' schema mapping): what the build removes when it no longer
 * writes it, what a records-only change may not edit by hand, and what CI holds to a build.
 */
export const GENERATED: readonly RegExp[] = [...GENERATED_FILES, ...GENERATED_DOCS, ...FORM_FILES, new RegExp(`^${EDITOR_SETTINGS.replace(/\./g, '\\.')}$`)];
