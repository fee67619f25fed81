export * from './random';
export * from './sim';
export * from './stats';
export * from './plot';
export * from './net';
export * from './http';
export * from './balance';
export * from './scenarios';
