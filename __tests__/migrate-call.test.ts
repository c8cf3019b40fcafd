import { defineFixtureSuite } from "./helpers/fixtures";

defineFixtureSuite("migrate-call");
