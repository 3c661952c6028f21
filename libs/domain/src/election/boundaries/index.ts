export * from './district-boundaries';
