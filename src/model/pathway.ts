import { z } from 'zod';
import { DateString, Id, Ref, Text } from './fields.js';

/** A recognition pathway: its stages in order, the last of them the award. */
const PathwaySchema = z
  .strictObject({
    id: Id.meta({ title: 'Id', description: 'The pathway id, as progress entries name it' }),
    title: Text.meta({ title: 'Title', description: 'Its name in reports ("UKAT Professional Recognition")' }),
    stages: z
      .array(Id, { error: 'must be a list of stage ids, in order, such as ["registered", "submitted", "recognised"]' })
      .min(1, { error: 'must list at least one stage: the last is the award' })
      .meta({ title: 'Stages', description: 'Its stages in the order they are reached; the last is the award' }),
  })
  .meta({ title: 'Pathway', description: 'A recognition pathway and its stages' });

/** One member's progress along one pathway: the day each stage was reached, and a withdrawal. */
const ProgressSchema = z
  .strictObject({
    member: Ref.meta({ title: 'Member', description: 'The member (an id of data/members.json)' }),
    pathway: Ref.meta({ title: 'Pathway', description: 'The pathway (an id of "pathways")' }),
    stages: z
      .record(Ref, DateString, { error: 'must be an object of stage → date, such as { "registered": "2024-11-20" }' })
      .meta({ title: 'Stages', description: 'Stage id → the day it was reached, YYYY-MM-DD' }),
    withdrawn: DateString.optional().meta({
      title: 'Withdrawn',
      description: 'The day the member withdrew from the pathway, YYYY-MM-DD',
    }),
  })
  .meta({ title: 'Progress', description: "A member's progress along a pathway" });

/** `data/pathways.json`: the recognition pathways members follow, and each member's progress through them. */
export const PathwaysSchema = z
  .strictObject({
    pathways: z.array(PathwaySchema).meta({ title: 'Pathways', description: 'The recognition pathways' }),
    progress: z
      .array(ProgressSchema)
      .default([])
      .meta({ title: 'Progress', description: "Members' progress through them, one entry per member and pathway" }),
  })
  .meta({
    title: 'Pathways',
    description: 'data/pathways.json: recognition pathways with ordered stages, and members’ progress along them',
  });

export type Pathways = z.output<typeof PathwaysSchema>;
export type Progress = Pathways['progress'][number];
