export * from './roll.errors';
export * from './roll.constants';
export * from './roll.events';
export * from './register-import';
export * from './roll-summary';
export * from './roll-voter';
export * from './roll-closing';
