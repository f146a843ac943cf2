package cn.minqing.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Unpacks the Elasticsearch distribution once and (re)installs the Chinese analysis plugin when it changed. */
final class ElasticsearchInstaller {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchInstaller.class);
    private static final String PLUGIN = "minqing-analysis";

    private final Path baseDir;
    private final Path distribution;
    private final NodeUser user;

    ElasticsearchInstaller(Path baseDir, Path distribution, NodeUser user) {
        this.baseDir = baseDir;
        this.distribution = distribution;
        this.user = user;
    }

    Path install() throws IOException {
        Path home = baseDir.resolve("elasticsearch-" + LocalElasticsearchNode.VERSION);
        if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            log.info("Installing Elasticsearch {} from {} into {}", LocalElasticsearchNode.VERSION, distribution, baseDir);
            unzip(distribution, baseDir);
            try (Stream<Path> bins = Files.list(home.resolve("bin"))) {
                for (Path bin : bins.toList()) {
                    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        installPlugin(home);
        return home;
    }

    private void installPlugin(Path home) throws IOException {
        Path zip = baseDir.resolve(PLUGIN + ".zip");
        try (InputStream in = LocalElasticsearchNode.pluginZip()) {
            Files.copy(in, zip, StandardCopyOption.REPLACE_EXISTING);
        }
        String checksum = sha256(zip);
        Path marker = home.resolve(PLUGIN + ".sha256"); // not in plugins/: every entry there must be a plugin
        if (Files.exists(home.resolve("plugins/" + PLUGIN)) && Files.exists(marker)
                && Files.readString(marker).equals(checksum)) {
            return;
        }
        deleteTree(home.resolve("plugins/" + PLUGIN));
        user.own(baseDir);
        ProcessBuilder builder = new ProcessBuilder(user.wrap(List.of(
                home.resolve("bin/elasticsearch-plugin").toString(), "install", "--batch", zip.toUri().toString())))
                .redirectErrorStream(true).redirectOutput(baseDir.resolve("plugin-install.log").toFile());
        builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        try {
            Process p = builder.start();
            if (p.waitFor() != 0) {
                throw new IOException("plugin install failed; see " + baseDir.resolve("plugin-install.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while installing the plugin", e);
        }
        Files.writeString(marker, checksum);
        log.info("Installed the {} plugin", PLUGIN);
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
