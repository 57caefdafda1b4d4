export * from './errors';
export * from './auth';
export * from './events';
export * from './join-code';
export * from './attendees';
export * from './realtime';
export * from './rounds';
export * from './connections';
