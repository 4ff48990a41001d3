/** JSON-safe data (rationals are strings): what instance, report and counterexample files hold. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [k: string]: Json };
