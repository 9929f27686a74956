/** `T` with its readonly fields writable: for building a result field by field before handing it out read-only. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };
