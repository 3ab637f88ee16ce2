export * from './config/config-error';
export * from './config/vigie-config';
export * from './metrics/instrumented-event-store';
export * from './principals/principal';
export * from './principals/principals-file';
export * from './modules';
export * from './retention/retention-scheduler.service';
