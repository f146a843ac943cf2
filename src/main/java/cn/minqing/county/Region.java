package cn.minqing.county;

/** A county, township, village or grid, with a stable code; child codes extend their parent's. */
public record Region(String code, String name, String level, String parentCode, Double lat, Double lon) {
}
