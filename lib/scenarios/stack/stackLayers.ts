/**
 * The layers of NetLab's request path, top to bottom, as the course's fault map
 * draws them: L7 application (DNS, workers), L4 transport (ports, connections),
 * L3 network (the route), L1 physical (the link). L2 and L5/L6 are left out: no
 * capacity or fault of theirs is modelled.
 */
export const STACK_LAYERS = ['L7', 'L4', 'L3', 'L1'] as const;

export type StackLayer = (typeof STACK_LAYERS)[number];

/** Index of each layer in `STACK_LAYERS`, used for per-layer columns. */
export const LAYER_INDEX: Readonly<Record<StackLayer, number>> = { L7: 0, L4: 1, L3: 2, L1: 3 };
