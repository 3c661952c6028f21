export * from './rehearsal';
export * from './rehearsal.errors';
