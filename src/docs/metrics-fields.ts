import { z } from 'zod';
import { code, heading, link, paragraph, root, toMarkdown } from '../format/markdown.js';
import { PUBLISHED_METRICS } from '../reports/metrics-schema.js';
import { schemaTable, type Schema } from './reference.js';

/**
 * `docs/metrics-fields.md`: every field of `reports/metrics.json`, from the schema the metrics are
 * typed and published by (metrics/schema.ts, with disclosure control): the same descriptions,
 * never copied. `build` writes it and `build --check` holds it.
 */
export function metricsFieldsMarkdown(): string {
  const schema = z.toJSONSchema(PUBLISHED_METRICS, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
  return toMarkdown(
    root([
      heading(1, 'The fields of reports/metrics.json'),
      paragraph(
        'Generated from the metrics’ own schema (',
        code('npm run build'),
        ' writes it; do not edit by hand), which also gives their types and ',
        code('schemas/metrics.schema.json'),
        '. How each figure is computed: ',
        link('metrics.md', 'docs/metrics.md'),
        '.',
      ),
      schemaTable(schema as Schema),
    ]),
  );
}
