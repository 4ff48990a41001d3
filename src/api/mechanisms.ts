/** The reference mechanisms, one namespace per model; each implements the `Mechanism` (or `BoundedMechanism`) interface. */
export * as zhu2021 from "./mechanisms-zhu2021.js";
export * as singleResource from "./mechanisms-single-resource.js";
export * as mp2013 from "./mechanisms-mp2013.js";
