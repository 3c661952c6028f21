export * from './installation';
