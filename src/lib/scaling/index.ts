// Scaling-law module: pure functions and cited constants for the essay's figures and chapters.
// Compute is in FLOPs, loss in nats per token; see each file for the papers behind the numbers.
export * from './units';
export * from './kaplan';
export * from './chinchilla';
export * from './fit';
export * from './sample';
export * from './emergence';
export * from './kvcache';
export * from './models';
export * from './timeline-models';
