/** The shape of a German text tree with every leaf a string: English resources must match it key for key. */
export type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };
