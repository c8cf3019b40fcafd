import { defineFixtureSuite } from "./helpers/fixtures";

// `instrument` placing a template's call (not an audit emit): same placement, skips and reports.
defineFixtureSuite("instrument-template", "instrument");
