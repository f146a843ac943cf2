package cn.minqing.cases;

/** What intake has checked and is about to store. */
public record NewCase(String title, String description, String categoryCode, String villageCode,
                      String reporter, boolean anonymous, Double lat, Double lon, String address) {
}
