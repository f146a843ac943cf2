package cn.minqing.deadlines;

/**
 * A year's holidays were entered, replaced or removed (inside the transaction that changed them):
 * deadlines that run through that year may have moved.
 */
public record CalendarChanged(int year, String reason) {
}
