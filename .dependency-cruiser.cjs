// The data moves one way: each stage of src/ may import only the stages before it.
// `npm run lint:imports` checks it; CI runs it with the tests.
const STAGES = [
  'format', 'model', 'load', 'schema', 'rules', 'metrics', 'reports', 'pipeline', 'docs',
  'import', 'edit', 'review', 'publish', 'cli',
];
const SIDES = ['import', 'edit', 'review', 'publish'];

module.exports = {
  forbidden: [
    ...STAGES.slice(0, -1).map((stage, i) => ({
      name: `${stage}-imports-a-later-stage`,
      severity: 'error',
      comment:
        `src/${stage}/ comes before ${STAGES.slice(i + 1).join(', ')}: it may not import them ` +
        '(files → model → checks → metrics → reports)',
      from: { path: `^src/${stage}/` },
      to: { path: `^src/(${STAGES.slice(i + 1).join('|')})/` },
    })),
    {
      name: 'sides-import-each-other',
      severity: 'error',
      comment: 'survey import, record edits and the pull-request review each stand on the pipeline, not on one another',
      from: { path: `^src/(${SIDES.join('|')})/` },
      to: { path: `^src/(${SIDES.join('|')})/`, pathNot: '^src/$1/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'a cycle of imports, type-only imports included',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-imports-outside',
      severity: 'error',
      comment: 'the toolchain does not import its tests or scripts',
      from: { path: '^src/' },
      to: { path: '^(tests|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
