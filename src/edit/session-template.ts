/** The agenda a session of a community of practice follows: check in, share practice, a theme, check out. */
const AGENDA = [
  'Introductions and check-ins',
  'Peer sharing: celebrating success, challenge and learning in our practice',
  'Mentoring theme: knowledge share and practice',
  'Check-out and session close',
];

/** What a summary still to write says, in the file: a comment, so that no report prints it. */
export const SUMMARY_TO_WRITE =
  '<!-- After the session: one point for each topic discussed, for the annual report. -->';

/** The body of a planned session's minutes: the usual agenda, and a summary to write afterwards. */
export const PLANNED_BODY = `## Agenda

${AGENDA.map((a) => `- ${a}`).join('\n')}

## Summary

${SUMMARY_TO_WRITE}
`;
