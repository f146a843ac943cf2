-- Open cases are kept in the rollups (V470, V540) by the UTC day of their deadline, so that the overdue count stays
-- exact as time passes. Once that day is past, only "already overdue" matters: the fold (CaseRollup.compact) keys
-- every past deadline day as '-infinity', once a day for the rows already there and always for the deltas it moves.
-- A day only ever moves from "due later" to "past", never back, so the rollup's sums stay exact; readers count
-- due_day < today as overdue, which '-infinity' is. At a million cases a year this leaves a month of one key two or
-- three rows instead of one per deadline day (94 % of a cube's month rows were open cases' deadline days).
-- overdue_folded: the UTC day up to which (exclusive) the rows already there were folded; null: never.
alter table case_rollup_zone add column overdue_folded date;
