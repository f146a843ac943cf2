package cn.minqing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a case's history reads on the diagram, without servers: which flows it took, which were loops. */
class TrailTest {

    static final String SENT_BACK = "sequenceFlow_b44e1f82-a765-4663-a590-b59dce7bab24"; // 退回修改
    static final String NO_APPROVAL = "sequenceFlow_a0562526-5bd9-4c09-810b-857bda855747"; // 无需审批
    static final String APPROVED = "sequenceFlow_027610a6-f4da-4661-9357-a0291747448f"; // 批准
    static final String DESIGNED = "sequenceFlow_ce4ccece-defa-4af4-bc81-9856c1aaa775"; // designJoin → design

    @Test
    void aPlanSentBackByTheLeaderAndThenNeedingNoApprovalIsOneLoopAndTheBypass() throws IOException {
        ProcessDiagram d;
        try (InputStream in = Files.newInputStream(Path.of("processes/grassroots-case.bpmn"))) {
            d = ProcessDiagram.read(in);
        }
        List<Trail.Step> steps = new ArrayList<>();
        long t = 1_000;
        for (String a : List.of("filed", "accept", "acceptDecision", "route", "planDeadlines", "handlingStarted",
                "signJoin", "sign", "signDecision", "investigate", "designJoin", "design", "cosignRule", "needsCosign",
                "needsApproval", "approve", "approvalDecision", "designJoin", "design", "cosignRule", "needsCosign",
                "needsApproval", "coHandlingDecision", "implementJoin")) {
            steps.add(new Trail.Step("p1", a, new Date(t), new Date(t + 5)));
            t += 10;
        }
        steps.add(5, new Trail.Step("p1", "handling", new Date(1_045), null));
        steps.add(new Trail.Step("p1", "implement", new Date(t), null));

        Trail trail = Trail.of(d, steps, false);

        assertThat(trail.current()).containsExactly("implement"); // not the sub-process around it
        assertThat(trail.visits()).containsEntry("design", 2).containsEntry("approve", 1);
        assertThat(trail.taken()).contains(SENT_BACK, NO_APPROVAL, DESIGNED).doesNotContain(APPROVED);
        assertThat(trail.loops()).containsExactly(SENT_BACK); // designJoin → design runs on the main line
    }
}
