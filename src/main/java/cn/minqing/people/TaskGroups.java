package cn.minqing.people;

/** Names of Camunda candidate groups: who may pick up a task. */
public final class TaskGroups {

    private TaskGroups() {
    }

    /** Grid members and village cadres of one village. */
    public static String village(String villageCode) {
        return "village:" + villageCode;
    }

    /** Staff of one organisation (township office, county bureau, county centre). */
    public static String organisation(String organisationCode) {
        return "org:" + organisationCode;
    }

    /** Leaders of a region. */
    public static String leaders(String regionCode) {
        return "leaders:" + regionCode;
    }
}
