package cn.minqing.county;

/** A problem category (三农 or 民生), e.g. water 饮水供水. */
public record Category(String code, String nameZh, String nameEn, String domain, String icon, String questions) {
}
