package cn.minqing.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;

/** Deploys a file of the case process (the current one, or a fixture of a version before) as the app deploys it. */
public final class ProcessDeployments {

    private ProcessDeployments() {
    }

    /** A new version of {@code grassroots-case.bpmn} from {@code file}, in a deployment called {@code name}. */
    public static void deploy(RepositoryService repository, String name, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            repository.createDeployment().name(name).addInputStream("grassroots-case.bpmn", in).deploy();
        }
    }
}
