// Enums from the schema, safe to import in client components (no database code behind them).
export { Role } from "./generated/sqlite/enums";
