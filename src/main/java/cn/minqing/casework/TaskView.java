package cn.minqing.casework;

import java.util.Date;
import java.util.List;

/** A task on a cadre's list. */
public record TaskView(String id, String caseNumber, String stage, String name, Date created, Date due,
                       List<String> candidateGroups, String assignee, String caseTitle, String villageCode,
                       String category) {
}
