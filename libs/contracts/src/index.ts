// The one public entry point of the wire contract: every request/response shape, socket event and
// error code the API and the web apps share. Each module owns its folder and that folder's index.
export * from './common';
export * from './error-catalog';
export * from './identity';
export * from './elections';
export * from './roll';
export * from './polling-cards';
export * from './postal-voting';
export * from './board-access';
export * from './quick-reports';
export * from './aggregation';
export * from './audit';
export * from './publication';
export * from './council-count';
export * from './retention';
export * from './webhooks';
export * from './rehearsal';
export * from './polling-day';
export * from './seat-allocation';
export * from './health';
export * from './installation';
export * from './poll-workers/duties';
export * from './realtime';
export * from './poll-workers';
