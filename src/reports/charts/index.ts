import type { ChartDefinition } from './define.js';
import cohorts from './cohorts.js';
import communityHealth from './community-health.js';
import engagementHeatmap from './engagement-heatmap.js';
import likert from './likert.js';
import multi from './multi.js';
import participation from './participation.js';
import sessionAttendance from './session-attendance.js';
import yearOverYear from './year-over-year.js';

/** Every chart the reports draw. To add one, add its file and one entry here. */
export const CHARTS: readonly ChartDefinition<never>[] = [participation, communityHealth, sessionAttendance, likert, multi, engagementHeatmap, yearOverYear, cohorts];
