package cn.minqing.deadlines;

/** One day as an admin sends it (PUT /api/admin/calendar/{year}) or as a row of an uploaded file. */
record CalendarEntry(String date, String kind, String name) {
}
