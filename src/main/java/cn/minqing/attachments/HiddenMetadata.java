package cn.minqing.attachments;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Takes out what a file says about the person who made it before anyone else can download it: a phone photo's EXIF
 * carries where it was taken (to the metre), when, and the phone's make and serial; XMP and text chunks can carry a
 * name. For a villager reporting on the cadres who read the case, that location is their house. JPEG keeps only its
 * image data, its JFIF header, its colour profile and its orientation (rewritten as a minimal EXIF of one tag, so
 * upright photos stay upright); PNG drops eXIf, tEXt, zTXt, iTXt and tIME; WebP drops EXIF and XMP; MP4 and M4A turn
 * their user-data and metadata boxes into free space of the same size (so sample offsets stay valid). A photo whose
 * structure cannot be read is refused rather than stored with what it may carry.
 */
final class HiddenMetadata {

    private HiddenMetadata() {
    }

    /** The file without its hidden metadata, or empty when a photo's structure cannot be read. */
    static Optional<byte[]> strip(MediaType type, byte[] bytes) {
        try {
            return Optional.ofNullable(switch (type) {
                case JPEG -> jpeg(bytes);
                case PNG -> png(bytes);
                case WEBP -> webp(bytes);
                case MP4, M4A -> mp4(bytes);
                default -> bytes;
            });
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static byte[] jpeg(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xFF);
        out.write(0xD8);
        int orientation = 0;
        int at = 2;
        while (true) {
            if ((in[at] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = in[at + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                at++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(in, at, 2);
                at += 2;
                continue;
            }
            if (marker == 0xD9) {
                out.write(in, at, 2);
                return out.toByteArray();
            }
            int length = ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > in.length) {
                return null;
            }
            boolean keep = switch (marker) {
                case 0xE0 -> true; // JFIF
                case 0xE2 -> startsWith(in, at + 4, "ICC_PROFILE");
                case 0xE1 -> {
                    if (startsWith(in, at + 4, "Exif\0\0")) {
                        orientation = orientation(in, at + 10, at + 2 + length);
                    }
                    yield false;
                }
                default -> !(marker >= 0xE3 && marker <= 0xEF) && marker != 0xFE; // other APPn and comments go
            };
            if (marker == 0xDA) { // start of scan: the image data, kept as it is to the end
                if (orientation > 1) {
                    writeOrientation(out, orientation);
                }
                out.write(in, at, in.length - at);
                return out.toByteArray();
            }
            if (keep) {
                out.write(in, at, 2 + length);
            }
            at += 2 + length;
        }
    }

    /** The orientation tag (0x0112) of IFD0 in an EXIF TIFF block, or 0. */
    private static int orientation(byte[] in, int tiff, int end) {
        if (tiff + 8 > end) {
            return 0;
        }
        boolean little = in[tiff] == 'I';
        int ifd = tiff + (int) number(in, tiff + 4, 4, little);
        if (ifd + 2 > end || ifd < tiff) {
            return 0;
        }
        int entries = (int) number(in, ifd, 2, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return 0;
            }
            if (number(in, entry, 2, little) == 0x0112) {
                int value = (int) number(in, entry + 8, 2, little);
                return value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    private static long number(byte[] in, int at, int size, boolean little) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            int b = in[at + (little ? size - 1 - i : i)] & 0xFF;
            value = (value << 8) | b;
        }
        return value;
    }

    /** A minimal APP1 EXIF: big-endian TIFF header, IFD0 with the orientation alone, no next IFD. */
    private static void writeOrientation(ByteArrayOutputStream out, int orientation) {
        byte[] segment = {
            (byte) 0xFF, (byte) 0xE1, 0, 32,
            'E', 'x', 'i', 'f', 0, 0,
            'M', 'M', 0, 42, 0, 0, 0, 8,
            0, 1,
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
            0, 0, 0, 0
        };
        out.write(segment, 0, segment.length);
    }

    private static byte[] png(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int at = 8;
        while (at < in.length) {
            long length = number(in, at, 4, false);
            if (length > in.length - at - 12) {
                return null;
            }
            String chunk = new String(in, at + 4, 4, StandardCharsets.ISO_8859_1);
            boolean personal = switch (chunk) {
                case "eXIf", "tEXt", "zTXt", "iTXt", "tIME" -> true;
                default -> false;
            };
            if (!personal) {
                out.write(in, at, 12 + (int) length);
            }
            at += 12 + (int) length;
            if (chunk.equals("IEND")) {
                return out.toByteArray();
            }
        }
        return null;
    }

    private static byte[] webp(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 12);
        int at = 12;
        int flagsAt = -1;
        while (at + 8 <= in.length) {
            long size = number(in, at + 4, 4, true);
            long padded = size + (size & 1);
            if (padded > in.length - at - 8) {
                return null;
            }
            String chunk = new String(in, at, 4, StandardCharsets.ISO_8859_1);
            if (!chunk.equals("EXIF") && !chunk.equals("XMP ")) {
                if (chunk.equals("VP8X")) {
                    flagsAt = out.size() + 8;
                }
                out.write(in, at, 8 + (int) padded);
            }
            at += 8 + (int) padded;
        }
        byte[] result = out.toByteArray();
        if (flagsAt >= 0 && flagsAt < result.length) {
            result[flagsAt] &= (byte) ~0x0C; // no EXIF, no XMP
        }
        long riff = result.length - 8L;
        for (int i = 0; i < 4; i++) {
            result[4 + i] = (byte) (riff >>> (8 * i));
        }
        return result;
    }

    private static byte[] mp4(byte[] in) {
        byte[] out = in.clone();
        blankBoxes(out, 0, out.length, 0);
        return out;
    }

    /** Turns udta and meta boxes into free boxes of the same size, looking into moov and its tracks. */
    private static void blankBoxes(byte[] data, int from, int to, int depth) {
        int at = from;
        while (at + 8 <= to) {
            long size = number(data, at, 4, false);
            int header = 8;
            if (size == 1) {
                size = number(data, at + 8, 8, false);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || size > to - at) {
                return; // not a box structure we can follow: leave the rest as it is
            }
            String type = new String(data, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("udta") || type.equals("meta")) {
                byte[] free = "free".getBytes(StandardCharsets.ISO_8859_1);
                System.arraycopy(free, 0, data, at + 4, 4);
                java.util.Arrays.fill(data, at + header, at + (int) size, (byte) 0);
            } else if ((type.equals("moov") || type.equals("trak")) && depth < 3) {
                blankBoxes(data, at + header, at + (int) size, depth + 1);
            }
            at += (int) size;
        }
    }

    private static boolean startsWith(byte[] in, int at, String text) {
        byte[] expected = text.getBytes(StandardCharsets.ISO_8859_1);
        if (at + expected.length > in.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (in[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
