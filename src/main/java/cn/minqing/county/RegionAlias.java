package cn.minqing.county;

/**
 * Another name people use for a place: an old name from before a merger ({@code old-name}), a common short
 * name ({@code short-name}) or anything else ({@code other}). Search treats it as an inexact place name.
 */
public record RegionAlias(String alias, String regionCode, String kind, String note) {

    /** Published when admins replace the aliases, so whoever caches names reloads them. */
    public record Changed() {
    }
}
