/** The default replica base of `simulate mp2013.lemmaB|theorem3` (also examples/instances/mp2013-replica.json, which a test keeps equal). */
import type { Json } from "../../exact/json.js";

export const DEFAULT_REPLICA: Json = {
  "model": "mp2013-replica",
  "states": [
    "low",
    "high"
  ],
  "signals": [
    "l",
    "h"
  ],
  "outcomes": [
    "none",
    "expand",
    "hold"
  ],
  "joint": [
    {
      "state": "low",
      "signal": "l",
      "p": "3/8"
    },
    {
      "state": "low",
      "signal": "h",
      "p": "1/8"
    },
    {
      "state": "high",
      "signal": "l",
      "p": "1/8"
    },
    {
      "state": "high",
      "signal": "h",
      "p": "3/8"
    }
  ],
  "values": [
    {
      "outcome": "expand",
      "state": "high",
      "signal": "h",
      "v": "1"
    },
    {
      "outcome": "expand",
      "state": "high",
      "signal": "l",
      "v": "3/4"
    },
    {
      "outcome": "expand",
      "state": "low",
      "v": "1/4"
    },
    {
      "outcome": "hold",
      "state": "low",
      "v": "3/4"
    },
    {
      "outcome": "hold",
      "state": "high",
      "v": "1/4"
    }
  ],
  "epsilon": "1/10"
};
