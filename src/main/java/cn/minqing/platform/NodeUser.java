package cn.minqing.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Who the local Elasticsearch node runs as. Elasticsearch refuses root, so when this process is
 * root the node runs as the system user {@code minqing-es} (created on first use, else {@code nobody}).
 */
final class NodeUser {

    private static final String SERVICE_USER = "minqing-es";
    private final String name; // null: run as the current, unprivileged user

    private NodeUser(String name) {
        this.name = name;
    }

    static NodeUser forCurrentProcess() {
        if (!isRoot()) {
            return new NodeUser(null);
        }
        if (run(List.of("id", "-u", SERVICE_USER)) == 0
                || run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER)) == 0) {
            return new NodeUser(SERVICE_USER);
        }
        return new NodeUser("nobody");
    }

    private static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    List<String> wrap(List<String> command) {
        if (name == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", name, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** True when this user can enter the directory (every parent must be traversable). */
    boolean canEnter(Path dir) {
        return name == null || run(wrap(List.of("test", "-x", dir.toString()))) == 0;
    }

    void own(Path dir) {
        if (name != null && run(List.of("chown", "-R", name + ":", dir.toString())) != 0) {
            throw new IllegalStateException("Could not give " + dir + " to user " + name);
        }
    }

    static int run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
