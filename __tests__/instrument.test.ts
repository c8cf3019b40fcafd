import { defineFixtureSuite } from "./helpers/fixtures";

defineFixtureSuite("instrument");
