package cn.minqing.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * A villager's phone writes where a photo was taken into the photo. Uploaded through the API and downloaded by the
 * cadre handling the case, the photo no longer says where, when, on which phone or by whom — and still shows, upright.
 */
class HiddenMetadataTest extends ApiTest {

    private static final String WHERE = "N27.83 E113.17";
    private static final String PHONE = "HONOR-X30-SN8842";
    private static final String NAME = "王小二";

    @Test
    void aPhoneJpegLosesItsLocationPhoneAndNameButKeepsItsPictureAndOrientation() throws IOException {
        byte[] photo = phoneJpeg();
        assertThat(contains(photo, WHERE)).as("the test photo carries a location").isTrue();

        byte[] served = uploadAndDownload(photo, "IMG_20261201_王小二.jpg", "image/jpeg");

        assertThat(contains(served, WHERE)).as("location").isFalse();
        assertThat(contains(served, PHONE)).as("phone's make and serial").isFalse();
        assertThat(contains(served, NAME)).as("author in XMP or a comment").isFalse();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(image.getWidth()).isEqualTo(32);
        assertThat(image.getRGB(5, 5) & 0xFFFFFF).isCloseTo(0xC03020, org.assertj.core.data.Offset.offset(0x080808));
        int exif = indexOf(served, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(exif).as("the orientation survives as a minimal EXIF").isPositive();
        assertThat(served[exif + 6 + 8 + 2 + 8 + 1]).as("orientation 6: turned 90°").isEqualTo((byte) 6);
        assertThat(served.length).isLessThan(photo.length);
    }

    @Test
    void aPngLosesItsTextChunksAndStillShows() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(), "png", out);
        byte[] png = withChunkAfterHeader(out.toByteArray(), "tEXt", ("Author\0" + NAME + " " + WHERE).getBytes(StandardCharsets.UTF_8));

        byte[] served = uploadAndDownload(png, "map.png", "image/png");

        assertThat(contains(served, NAME)).isFalse();
        assertThat(contains(served, WHERE)).isFalse();
        assertThat(ImageIO.read(new ByteArrayInputStream(served)).getWidth()).isEqualTo(32);
    }

    @Test
    void aVideoLosesItsRecordedLocationButKeepsItsSizeAndSamples() {
        byte[] ftyp = box("ftyp", "isom\0\0\2\0isomiso2mp41".getBytes(StandardCharsets.ISO_8859_1));
        byte[] xyz = box("\u00a9xyz", ("\0\u0012\u0015\u00c7+27.8300+113.1700/").getBytes(StandardCharsets.ISO_8859_1));
        byte[] moov = box("moov", concat(box("mvhd", new byte[100]), box("udta", xyz)));
        byte[] mdat = box("mdat", "frames of a flooded road".getBytes(StandardCharsets.ISO_8859_1));
        byte[] video = concat(ftyp, moov, mdat);

        byte[] served = uploadAndDownload(video, "VID_20261201.mp4", "video/mp4");

        assertThat(served).hasSameSizeAs(video);
        assertThat(contains(served, "+27.8300+113.1700")).isFalse();
        assertThat(contains(served, "frames of a flooded road")).isTrue();
        assertThat(Arrays.copyOfRange(served, 0, ftyp.length)).isEqualTo(ftyp);
    }

    @Test
    void aBrokenPhotoIsRefusedNamingTheFileAndNothingIsStored() throws IOException {
        byte[] photo = phoneJpeg();
        byte[] broken = Arrays.copyOf(photo, 40); // cut inside the EXIF segment
        String number = file("villager1", "照片传了一半", "网不好，照片只传了一半", "other");
        ResponseEntity<JsonNode> refused = postFile("villager1", "/api/cases/" + number + "/attachments", "半张.jpg", broken);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(refused.getBody().get("errors").get(0).get("message").asText()).contains("半张.jpg");
        assertThat(get("villager1", "/api/cases/" + number + "/attachments").getBody().size()).isZero();
        assertThat(TestMedia.PNG).isNotEmpty();
    }

    private byte[] uploadAndDownload(byte[] bytes, String fileName, String contentType) {
        String number = file("villager1", "村口涵洞被冲垮", "昨晚大雨把村口涵洞冲垮了，车过不去", "road");
        ResponseEntity<JsonNode> uploaded = postFile("villager1", "/api/cases/" + number + "/attachments", fileName, bytes);
        assertThat(uploaded.getStatusCode().value()).as(String.valueOf(uploaded.getBody())).isEqualTo(201);
        assertThat(uploaded.getBody().get("contentType").asText()).isEqualTo(contentType);
        ResponseEntity<byte[]> served = as("grid1").getForEntity("/api/attachments/" + uploaded.getBody().get("id").asLong(), byte[].class);
        assertThat(served.getStatusCode().value()).isEqualTo(200);
        assertThat(uploaded.getBody().get("sizeBytes").asLong()).isEqualTo(served.getBody().length);
        return served.getBody();
    }

    /** A JPEG as a phone writes it: JFIF, then EXIF with make, orientation and GPS, XMP with the author, a comment. */
    private static byte[] phoneJpeg() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(picture(), "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        int afterJfif = 2 + 2 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        byte[] make = (PHONE + "\0").getBytes(StandardCharsets.ISO_8859_1);
        byte[] gps = (WHERE + "\0").getBytes(StandardCharsets.ISO_8859_1);
        // TIFF, little endian: IFD0 with Make (ASCII), Orientation (SHORT 6), ImageDescription standing in for GPS text
        int ifdEntries = 3;
        int dataAt = 8 + 2 + 12 * ifdEntries + 4;
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
        tiff.writeBytes(le(ifdEntries, 2));
        tiff.writeBytes(concat(le(0x010F, 2), le(2, 2), le(make.length, 4), le(dataAt, 4)));
        tiff.writeBytes(concat(le(0x0112, 2), le(3, 2), le(1, 4), le(6, 2), le(0, 2)));
        tiff.writeBytes(concat(le(0x010E, 2), le(2, 2), le(gps.length, 4), le(dataAt + make.length, 4)));
        tiff.writeBytes(le(0, 4));
        tiff.writeBytes(make);
        tiff.writeBytes(gps);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.toByteArray());
        byte[] xmp = concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                ("<x:xmpmeta><dc:creator>" + NAME + "</dc:creator></x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        byte[] comment = (NAME + "拍的").getBytes(StandardCharsets.UTF_8);
        return concat(Arrays.copyOf(jpeg, afterJfif), segment(0xE1, exif), segment(0xE1, xmp), segment(0xFE, comment),
                Arrays.copyOfRange(jpeg, afterJfif, jpeg.length));
    }

    private static BufferedImage picture() {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 24; y++) {
                image.setRGB(x, y, 0xC03020);
            }
        }
        return image;
    }

    private static byte[] segment(int marker, byte[] body) {
        int length = body.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, body);
    }

    private static byte[] withChunkAfterHeader(byte[] png, String type, byte[] data) {
        int afterHeader = 8 + 12 + 13;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        crc.update(typeBytes);
        crc.update(data);
        byte[] chunk = concat(be(data.length), typeBytes, data, be((int) crc.getValue()));
        return concat(Arrays.copyOf(png, afterHeader), chunk, Arrays.copyOfRange(png, afterHeader, png.length));
    }

    private static byte[] box(String type, byte[] body) {
        return concat(be(body.length + 8), type.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static byte[] be(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static byte[] le(int value, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static boolean contains(byte[] data, String text) {
        return indexOf(data, text.getBytes(StandardCharsets.UTF_8)) >= 0;
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
