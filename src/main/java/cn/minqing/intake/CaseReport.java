package cn.minqing.intake;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A villager's report as sent by the phone app or an API client. */
public record CaseReport(
        @NotBlank(message = "{case.title.required}") @Size(max = 100, message = "{case.title.size}") String title,
        @NotBlank(message = "{case.description.required}") @Size(max = 5000, message = "{case.description.size}") String description,
        @NotBlank(message = "{case.category.required}") String category,
        String villageCode,
        @DecimalMin(value = "-90", message = "{case.lat.range}") @DecimalMax(value = "90", message = "{case.lat.range}") Double lat,
        @DecimalMin(value = "-180", message = "{case.lon.range}") @DecimalMax(value = "180", message = "{case.lon.range}") Double lon,
        @Size(max = 200, message = "{case.address.size}") String address,
        Boolean anonymous,
        /** 代办: the villager a cadre files for (their user name); the villager is the reporter. */
        String onBehalfOf) {

    /** A stable fingerprint of the content, to tell a retry from a different report under the same key. */
    String fingerprint() {
        String content = String.join("\u0000", String.valueOf(title), String.valueOf(description),
                String.valueOf(category), String.valueOf(villageCode), String.valueOf(lat), String.valueOf(lon),
                String.valueOf(address), String.valueOf(anonymous), String.valueOf(onBehalfOf));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
