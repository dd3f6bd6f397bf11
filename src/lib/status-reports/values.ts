/** Traffic lights of a status report row, best first. */
export const trafficLights = ['green', 'yellow', 'red'] as const;
export type TrafficLight = (typeof trafficLights)[number];

export const statusReportStatuses = ['draft', 'submitted'] as const;
export type StatusReportStatus = (typeof statusReportStatuses)[number];

/** The standard rows every report has (Budget, Tid, Personal), then custom ones. */
export const standardRowKinds = ['budget', 'time', 'staff'] as const;
export const rowKinds = [...standardRowKinds, 'custom'] as const;
export type RowKind = (typeof rowKinds)[number];

/** The month a report covers, `YYYY-MM`. */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
