import * as all from "./exports.js";
