package cn.minqing.county;

/** The village nearest a point (the phone's location), with its township and the distance in metres. */
public record NearestVillage(String code, String name, String township, long distanceMeters) {
}
